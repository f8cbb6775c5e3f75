import express from 'express';
import serverless from 'serverless-http';
import { createFloorGoogleWebhook } from './floor-google-app';

/**
 * The floor's Lambda entry point, on the same hosting as lambda/google-lambda.ts (express behind
 * serverless-http), with nothing between express and the conversation app.
 */
const app = express();
app.post('/google', express.json(), createFloorGoogleWebhook());

export const handler = serverless(app);
