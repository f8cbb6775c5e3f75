import express from 'express';
import { createFloorAlexaSkill } from './floor/floor-alexa-skill';
import { createFloorGoogleWebhook } from './floor/floor-google-app';
import { FLOOR_RESPONSE_BODY } from './floor/floor-replies';
import { serveForBench } from './serve-for-bench';

/**
 * The HTTP floor: a bare express endpoint returning a fixed JSON body (the throughput floor), and
 * the floor skill and conversation app behind express (the memory floor: what the bare platform
 * libraries keep while answering).
 */
const app = express();
const skill = createFloorAlexaSkill();
app.post('/fixed', express.json(), (_request, response) => {
  response.json(FLOOR_RESPONSE_BODY);
});
app.post('/alexa', express.json(), async (request, response) => {
  response.json(await skill.invoke(request.body));
});
app.post('/google', express.json(), createFloorGoogleWebhook());
serveForBench(app);
