import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareActionsProject } from './actions-project';
import { REPO_ROOT } from './run-command';
import { googleWebhookUrl, isWebhookUrl, readStackOutputs } from './stack-outputs';

/**
 * npm run deploy:google -- --stage prod [--region us-east-1] [--url https://…/google]
 *
 * Writes a copy of the Actions Builder project (actions/) to .actions-deploy/ with the webhook
 * pointing at the deployed Google function (the stack's GoogleWebhookUrl output, read from
 * CloudFormation with your AWS credentials, or --url), and
 * prints the gactions commands that push it. gactions is Google's own binary, not an npm package,
 * so it is not installed with the project.
 */

const USAGE = 'usage: npm run deploy:google -- --stage <stage> [--region <region>] [--url <webhook url>]';
const DEPLOY_DIR = path.join(REPO_ROOT, '.actions-deploy');

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      stage: { type: 'string', default: 'dev' },
      region: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.url !== undefined && !isWebhookUrl(values.url)) throw new Error(`--url must be an https URL ending in /google: ${values.url}`);
  return { stage: values.stage, region: values.region, url: values.url, help: values.help };
}

async function main(args: readonly string[]): Promise<number> {
  const { stage, region, url, help } = options(args);
  if (help) {
    console.log(USAGE);
    return 0;
  }
  const webhookUrl = url ?? googleWebhookUrl(await readStackOutputs({ stage, region }));
  const project = prepareActionsProject({ repoRoot: REPO_ROOT, outDir: DEPLOY_DIR, webhookUrl });
  const dir = path.relative(REPO_ROOT, project.dir);
  console.log(`Actions project written to ${dir}/, webhook ${webhookUrl}`);
  for (const [file, left] of Object.entries(project.placeholders)) {
    console.warn(`  ${file} still has ${left.join(', ')}: fill them in interaction-models/project.yaml and run npm run models`);
  }
  console.log(`
Push it with Google's gactions tool (a download from Google, not an npm package):

  cd ${dir}
  gactions login
  gactions push
  gactions deploy preview

actions/settings/accountLinkingSecret.yaml (made with gactions for your project) is copied along.
Google turned Conversational Actions down on 13 June 2023: gactions may refuse projects that are
not already set up with Google.`);
  return Object.keys(project.placeholders).length > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      console.error(USAGE);
      process.exitCode = 1;
    },
  );
}
