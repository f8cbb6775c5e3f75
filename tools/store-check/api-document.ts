import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { type OperationId, STORE_API_OPERATIONS } from '../../lambda/commerce/http/store-api-operations';

/** commerce-api.yaml, where the check reads which statuses each operation may answer. */
export const API_DOCUMENT = path.join(__dirname, '../../commerce-api.yaml');

interface DocumentedOperation {
  readonly operationId?: string;
  readonly responses?: Record<string, unknown>;
}

/** Operation → the statuses the document gives it: "200", "404", "5XX". */
export type DocumentedStatuses = Readonly<Record<OperationId, readonly string[]>>;

/** The documented response statuses of every operation the adapter calls, by operationId. */
export function readDocumentedStatuses(file: string = API_DOCUMENT): DocumentedStatuses {
  const document = parse(fs.readFileSync(file, 'utf8')) as { paths?: Record<string, Record<string, DocumentedOperation>> };
  const byId = new Map<string, readonly string[]>();
  for (const methods of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(methods)) {
      if (operation.operationId) byId.set(operation.operationId, Object.keys(operation.responses ?? {}));
    }
  }
  const statuses = {} as Record<OperationId, readonly string[]>;
  for (const operation of Object.keys(STORE_API_OPERATIONS) as OperationId[]) {
    const documented = byId.get(operation);
    if (!documented) throw new Error(`${file} does not document ${operation}`);
    statuses[operation] = documented;
  }
  return statuses;
}

/** Whether `status` is one the operation documents ("5XX" covers every 5xx). */
export function isDocumentedStatus(documented: readonly string[], status: number): boolean {
  const text = String(status);
  return documented.some((entry) => entry === text || (/^\dXX$/i.test(entry) && entry[0] === text[0]));
}
