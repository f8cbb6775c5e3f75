import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  readonly server: Server;
  /** The address and port actually bound, which the start-up log reports. */
  readonly address: AddressInfo;
}

/** Listens on `host:port` (port 0: any free port); rejects when the address cannot be bound. */
export function listenOn(app: Express, where: { readonly host: string; readonly port: number }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(where.port, where.host, (error?: Error) => {
      if (error) reject(error);
      else resolve({ server, address: server.address() as AddressInfo });
    });
  });
}

const WILDCARDS = new Set(['0.0.0.0', '::']);

function hostInUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** Where the server listens, as a URL: `http://127.0.0.1:3000`, `http://[::1]:3000`, `http://0.0.0.0:3000`. */
export function listeningUrl(address: AddressInfo): string {
  return `http://${hostInUrl(address.address)}:${address.port}`;
}

/** What to open in a browser on this machine: an every-interface address is reached through localhost. */
export function localUrl(address: AddressInfo): string {
  return WILDCARDS.has(address.address) ? `http://localhost:${address.port}` : listeningUrl(address);
}
