// The Medusa server the over-medusa tests run against (tools/medusa/medusa-server.ts starts it).
// Everything comes from the environment that script sets: a throwaway PostgreSQL database and
// secrets made for this one run. No admin dashboard, no Redis: fine for one test run on loopback.
const { defineConfig } = require('@medusajs/framework/utils');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`medusa-config.js: ${name} is not set (start the server with tools/medusa/up.ts)`);
  return value;
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: required('DATABASE_URL'),
    databaseLogging: false,
    http: {
      storeCors: 'http://127.0.0.1',
      adminCors: 'http://127.0.0.1',
      authCors: 'http://127.0.0.1',
      jwtSecret: required('JWT_SECRET'),
      cookieSecret: required('COOKIE_SECRET'),
    },
  },
  admin: { disable: true },
});
