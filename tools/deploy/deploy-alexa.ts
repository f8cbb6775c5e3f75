import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { accountLinkingRequest, copyAskStates, prepareAskProject, readAskStates, skillIdOf } from './ask-project';
import { REPO_ROOT, localBin, runCommand } from './run-command';
import { alexaFunctionArn, isLambdaArn, readStackOutputs } from './stack-outputs';

/**
 * npm run deploy:alexa -- --stage prod [--region us-east-1] [--profile default] [--arn <lambda-arn>] [--dry-run]
 *
 * Deploys the skill package with ask-cli, its endpoint set to the Alexa function that
 * `serverless deploy` created (the stack's AlexaFunctionArn output, read from CloudFormation with
 * your AWS credentials, or --arn).
 * Before the skill exists, it creates the skill without an endpoint and says how to go on: the
 * function's permission needs the skill id, and the skill's endpoint needs the function.
 * With ALEXA_ACCOUNT_LINKING_CLIENT_SECRET set, it also sends account-linking/accountLinking.json.
 */

const USAGE = 'usage: npm run deploy:alexa -- --stage <stage> [--region <region>] [--profile <ask profile>] [--arn <lambda arn>] [--dry-run]';
const DEPLOY_DIR = path.join(REPO_ROOT, '.ask-deploy');
const SECRET_VARIABLE = 'ALEXA_ACCOUNT_LINKING_CLIENT_SECRET';

function options(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      stage: { type: 'string', default: 'dev' },
      region: { type: 'string' },
      profile: { type: 'string', default: process.env.ASK_DEFAULT_PROFILE ?? 'default' },
      arn: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.arn !== undefined && !isLambdaArn(values.arn)) throw new Error(`--arn is not a Lambda function ARN: ${values.arn}`);
  return { stage: values.stage, region: values.region, profile: values.profile, arn: values.arn, dryRun: values['dry-run'], help: values.help };
}

/** Sends the account-linking request through a private temporary file, removed right after. */
function updateAccountLinking(skillId: string, profile: string, secret: string): void {
  const template: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'account-linking', 'accountLinking.json'), 'utf8'));
  const request = accountLinkingRequest(template, secret);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-account-linking-'));
  const file = path.join(dir, 'accountLinking.json');
  try {
    fs.writeFileSync(file, JSON.stringify(request), { mode: 0o600 });
    runCommand(
      localBin('ask'),
      ['smapi', 'update-account-linking-info', '--skill-id', skillId, '--stage', 'development', '--account-linking-request', `file:${file}`, '--profile', profile],
      REPO_ROOT,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(args: readonly string[]): Promise<number> {
  const { stage, region, profile, arn: arnOption, dryRun, help } = options(args);
  if (help) {
    console.log(USAGE);
    return 0;
  }
  const skillId = skillIdOf(readAskStates(REPO_ROOT), profile);
  const firstDeploy = skillId === undefined && arnOption === undefined;
  const lambdaArn = firstDeploy ? undefined : (arnOption ?? alexaFunctionArn(await readStackOutputs({ stage, region })));

  const project = prepareAskProject({ repoRoot: REPO_ROOT, outDir: DEPLOY_DIR, profile, lambdaArn });
  copyAskStates(REPO_ROOT, DEPLOY_DIR);
  console.log(`Skill package for ask-cli written to ${path.relative(REPO_ROOT, project.skillJsonPath)}`);
  console.log(firstDeploy ? 'No skill yet for this profile: it is created without an endpoint.' : `Endpoint: ${lambdaArn}`);
  if (project.placeholders.length > 0) {
    throw new Error(`skill.json still has ${project.placeholders.join(', ')}: fill them in interaction-models/project.yaml and run npm run models`);
  }
  if (dryRun) {
    console.log(`Dry run: cd ${path.relative(REPO_ROOT, DEPLOY_DIR)} && ask deploy --profile ${profile}`);
    return 0;
  }

  try {
    runCommand(localBin('ask'), ['deploy', '--profile', profile], DEPLOY_DIR);
  } finally {
    // Whatever ask-cli recorded (above all a newly created skill's id) is kept in the repository's .ask/.
    copyAskStates(DEPLOY_DIR, REPO_ROOT);
  }

  const deployedSkillId = skillIdOf(readAskStates(REPO_ROOT), profile);
  if (!deployedSkillId) throw new Error('ask deploy finished without recording a skill id in .ask/ask-states.json');
  if (firstDeploy) {
    console.log(`
Skill created: ${deployedSkillId}
Next, deploy the code for that skill, then run this again to point the skill at it:

  npx serverless deploy --stage ${stage}${region ? ` --region ${region}` : ''} --param="alexaSkillId=${deployedSkillId}" …
  npm run deploy:alexa -- --stage ${stage}${region ? ` --region ${region}` : ''}`);
    return 0;
  }

  const secret = process.env[SECRET_VARIABLE];
  if (secret) updateAccountLinking(deployedSkillId, profile, secret);
  else {
    console.log(`
Account linking was not sent: set ${SECRET_VARIABLE} to your OAuth client's secret and run this
again, or follow account-linking/README.md.`);
  }
  console.log(`\nSkill ${deployedSkillId} now calls ${lambdaArn}`);
  return 0;
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
