import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DescribeStacksCommandOutput } from '@aws-sdk/client-cloudformation';
import { parse } from 'yaml';
import { prepareActionsProject, withWebhookUrl } from '../../tools/deploy/actions-project';
import { accountLinkingRequest, copyAskStates, prepareAskProject, readAskStates, skillIdOf, withEndpoint } from '../../tools/deploy/ask-project';
import { placeholdersIn } from '../../tools/deploy/placeholders';
import { alexaFunctionArn, googleWebhookUrl, outputsOf, regionOf, stackNameOf } from '../../tools/deploy/stack-outputs';

/** The parts of npm run deploy:alexa and deploy:google that need no AWS, Amazon or Google account. */

const REPO_ROOT = path.resolve(__dirname, '../..');
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:shopvoice-prod-alexa';
const WEBHOOK_URL = 'https://k3x9q2w7bd.execute-api.us-east-1.amazonaws.com/google';

/** CloudFormation's DescribeStacks answer for a deployed stage. */
const DESCRIBED: Pick<DescribeStacksCommandOutput, 'Stacks'> = {
  Stacks: [
    {
      StackName: 'shopvoice-prod',
      StackStatus: 'UPDATE_COMPLETE',
      CreationTime: new Date('2026-11-20T10:00:00Z'),
      Outputs: [
        { OutputKey: 'AlexaFunctionArn', OutputValue: ARN, Description: "The skill manifest's endpoint (npm run deploy:alexa writes it there)" },
        { OutputKey: 'GoogleWebhookUrl', OutputValue: WEBHOOK_URL },
        { OutputKey: 'HttpApiId', OutputValue: 'k3x9q2w7bd', ExportName: 'sls-shopvoice-prod-HttpApiId' },
        { OutputKey: 'HttpApiUrl', OutputValue: 'https://k3x9q2w7bd.execute-api.us-east-1.amazonaws.com', ExportName: 'sls-shopvoice-prod-HttpApiUrl' },
      ],
    },
  ],
};

const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));
const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-deploy-'));

describe('reading the deployed stack', () => {
  it('names the stack as the Serverless Framework does, in serverless.yml’s region unless told otherwise', () => {
    expect(stackNameOf('prod')).toBe('shopvoice-prod');
    expect(regionOf({ stage: 'prod' }, {})).toBe('us-east-1');
    expect(regionOf({ stage: 'prod' }, { AWS_REGION: 'eu-west-1' })).toBe('eu-west-1');
    expect(regionOf({ stage: 'prod', region: 'us-west-2' }, { AWS_REGION: 'eu-west-1' })).toBe('us-west-2');
  });

  it('reads the outputs of the described stack, and refuses a stack whose deploy failed', () => {
    expect(outputsOf(DESCRIBED)).toEqual({
      AlexaFunctionArn: ARN,
      GoogleWebhookUrl: WEBHOOK_URL,
      HttpApiId: 'k3x9q2w7bd',
      HttpApiUrl: 'https://k3x9q2w7bd.execute-api.us-east-1.amazonaws.com',
    });
    expect(() => outputsOf({ Stacks: [] })).toThrow(/no stack/);
    expect(() => outputsOf({ Stacks: [{ ...DESCRIBED.Stacks![0]!, StackStatus: 'ROLLBACK_COMPLETE' }] })).toThrow(/ROLLBACK_COMPLETE/);
  });

  it('takes the Alexa function ARN and the Google webhook URL from them, and nothing that is not one', () => {
    const outputs = outputsOf(DESCRIBED);
    expect(alexaFunctionArn(outputs)).toBe(ARN);
    expect(googleWebhookUrl(outputs)).toBe(WEBHOOK_URL);
    expect(alexaFunctionArn({ AlexaFunctionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:shopvoice-prod-alexa' })).toMatch(/^arn:aws-cn:/);

    expect(() => alexaFunctionArn({})).toThrow(/no AlexaFunctionArn output/);
    expect(() => alexaFunctionArn({ AlexaFunctionArn: 'arn:aws:iam::123456789012:role/shopvoice' })).toThrow(/not a Lambda function ARN/);
    expect(() => googleWebhookUrl({})).toThrow(/no GoogleWebhookUrl output/);
    expect(() => googleWebhookUrl({ GoogleWebhookUrl: 'http://k3x9q2w7bd.execute-api.us-east-1.amazonaws.com/google' })).toThrow(/https URL/);
    expect(() => googleWebhookUrl({ GoogleWebhookUrl: 'https://k3x9q2w7bd.execute-api.us-east-1.amazonaws.com' })).toThrow(/ending in \/google/);
  });
});

describe('the skill package ask-cli deploys', () => {
  const skillJson = readJson(path.join(REPO_ROOT, 'skill-package', 'skill.json'));

  it('points the manifest at the Lambda function and changes nothing else', () => {
    const deployed = withEndpoint(skillJson, ARN) as any;
    expect(deployed.manifest.apis.custom.endpoint).toEqual({ uri: ARN });
    const { endpoint: _deployedEndpoint, ...deployedRest } = deployed.manifest.apis.custom;
    const { endpoint: _generatedEndpoint, ...generatedRest } = skillJson.manifest.apis.custom;
    expect(deployedRest).toEqual(generatedRest);
    // Skill events (a shopper disabling the skill) go to the same function.
    expect(deployed.manifest.events).toEqual({ ...skillJson.manifest.events, endpoint: { uri: ARN } });
    expect(deployed.manifest.events.subscriptions).toEqual(
      expect.arrayContaining([{ eventName: 'SKILL_DISABLED' }, { eventName: 'SKILL_PROACTIVE_SUBSCRIPTION_CHANGED' }, { eventName: 'SKILL_PERMISSION_CHANGED' }]),
    );
    expect({ ...deployed.manifest, apis: undefined, events: undefined }).toEqual({ ...skillJson.manifest, apis: undefined, events: undefined });
    // The generated manifest itself is left alone.
    expect(skillJson.manifest.apis.custom.endpoint.uri).toBe('<alexa-lambda-arn>');
    expect(skillJson.manifest.events.endpoint.uri).toBe('<alexa-lambda-arn>');
  });

  it('has no endpoint at all on the first deploy, before the function exists', () => {
    const first = withEndpoint(skillJson, undefined) as any;
    expect(first.manifest.apis.custom).not.toHaveProperty('endpoint');
    // No event subscription either: it would have no endpoint to be delivered to.
    expect(first.manifest).not.toHaveProperty('events');
    // A manifest without events stays without.
    const { events: _events, ...withoutEvents } = skillJson.manifest;
    expect((withEndpoint({ manifest: withoutEvents }, ARN) as any).manifest).not.toHaveProperty('events');
    expect(() => withEndpoint({ manifest: { apis: { smartHome: {} } } }, ARN)).toThrow(/not a custom skill/);
  });

  it('is written as its own ask-cli project, with the generated skill package untouched', () => {
    const generatedBefore = fs.readFileSync(path.join(REPO_ROOT, 'skill-package', 'skill.json'), 'utf8');
    const outDir = scratch();
    try {
      const project = prepareAskProject({ repoRoot: REPO_ROOT, outDir, profile: 'store', lambdaArn: ARN });
      expect(project.placeholders).toEqual([]);
      expect(readJson(project.skillJsonPath).manifest.apis.custom.endpoint.uri).toBe(ARN);
      expect(readJson(project.skillJsonPath).manifest.events.endpoint.uri).toBe(ARN);
      expect(readJson(path.join(outDir, 'ask-resources.json'))).toEqual({
        askcliResourcesVersion: '2020-03-31',
        profiles: { store: { skillMetadata: { src: './skill-package' } } },
      });
      for (const model of fs.readdirSync(path.join(REPO_ROOT, 'skill-package', 'interactionModels', 'custom'))) {
        const relative = path.join('interactionModels', 'custom', model);
        expect(fs.readFileSync(path.join(outDir, 'skill-package', relative), 'utf8')).toBe(
          fs.readFileSync(path.join(REPO_ROOT, 'skill-package', relative), 'utf8'),
        );
      }
      expect(fs.readFileSync(path.join(REPO_ROOT, 'skill-package', 'skill.json'), 'utf8')).toBe(generatedBefore);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('keeps ask-cli’s record of the skill id between the repository and the deploy folder', () => {
    const repo = scratch();
    const deploy = scratch();
    try {
      expect(copyAskStates(repo, deploy)).toBe(false);
      const states = { askcliStatesVersion: '2020-03-31', profiles: { default: { skillId: 'amzn1.ask.skill.1b2c3d4e-0000-4000-8000-000000000001', skillMetadata: {} } } };
      fs.mkdirSync(path.join(deploy, '.ask'));
      fs.writeFileSync(path.join(deploy, '.ask', 'ask-states.json'), JSON.stringify(states));
      expect(copyAskStates(deploy, repo)).toBe(true);
      expect(skillIdOf(readAskStates(repo), 'default')).toBe('amzn1.ask.skill.1b2c3d4e-0000-4000-8000-000000000001');
      expect(skillIdOf(readAskStates(repo), 'store')).toBeUndefined();
      expect(skillIdOf(undefined, 'default')).toBeUndefined();
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
      fs.rmSync(deploy, { recursive: true, force: true });
    }
  });

  it('fills the account-linking request’s client secret, and refuses one with placeholders left', () => {
    const template = readJson(path.join(REPO_ROOT, 'account-linking', 'accountLinking.json'));
    // As a store has it once project.yaml is filled in: only the secret is never in the repository.
    const filled = JSON.parse(JSON.stringify(template).replace(/<(?!client-secret>)[a-z][a-z0-9-]*>/g, 'northwind-outfitters.example'));
    const request = accountLinkingRequest(filled, 's3cret') as any;
    expect(request.accountLinkingRequest).toEqual({ ...filled.accountLinkingRequest, clientSecret: 's3cret' });
    expect(placeholdersIn(JSON.stringify(request))).toEqual([]);

    const unfilled = { accountLinkingRequest: { ...filled.accountLinkingRequest, clientId: '<oauth-client-id>' } };
    expect(() => accountLinkingRequest(unfilled, 's3cret')).toThrow(/<oauth-client-id>.*project\.yaml/);
  });

  it('is deployed from ./skill-package by ask-resources.json, with no code infrastructure (serverless deploys the code)', () => {
    const resources = readJson(path.join(REPO_ROOT, 'ask-resources.json'));
    expect(resources.askcliResourcesVersion).toBe('2020-03-31');
    for (const profile of Object.values(resources.profiles) as any[]) {
      expect(profile.skillMetadata.src).toBe('./skill-package');
      expect(profile).not.toHaveProperty('skillInfrastructure');
      expect(profile).not.toHaveProperty('code');
    }
  });
});

describe('the Actions project gactions pushes', () => {
  const webhookFile = path.join(REPO_ROOT, 'actions', 'webhooks', 'shopvoice.yaml');

  it('points the webhook at the deployed URL, keeping its handlers and comments', () => {
    const generated = fs.readFileSync(webhookFile, 'utf8');
    const deployed = withWebhookUrl(generated, WEBHOOK_URL);
    expect(parse(deployed)).toEqual({ ...parse(generated), httpsEndpoint: { ...parse(generated).httpsEndpoint, baseUrl: WEBHOOK_URL } });
    expect(deployed.split('\n')[0]).toBe(generated.split('\n')[0]);
    expect(() => withWebhookUrl('handlers:\n  - name: shopvoice\ninlineCloudFunction:\n  executeFunction: shopvoice\n', WEBHOOK_URL)).toThrow(/no httpsEndpoint/);
  });

  it('is a copy of actions/ with the webhook rewritten, and names the placeholders still left', () => {
    const outDir = path.join(scratch(), 'actions-deploy');
    try {
      const project = prepareActionsProject({ repoRoot: REPO_ROOT, outDir, webhookUrl: WEBHOOK_URL });
      expect(project.webhookFiles.map((file) => path.relative(outDir, file))).toEqual([path.join('webhooks', 'shopvoice.yaml')]);
      expect(parse(fs.readFileSync(path.join(outDir, 'webhooks', 'shopvoice.yaml'), 'utf8')).httpsEndpoint.baseUrl).toBe(WEBHOOK_URL);
      expect(fs.readFileSync(path.join(outDir, 'manifest.yaml'), 'utf8')).toBe(fs.readFileSync(path.join(REPO_ROOT, 'actions', 'manifest.yaml'), 'utf8'));
      // Whatever the generated project still has in <angle brackets> is reported, by file; the webhook no longer is.
      const settings = fs.readFileSync(path.join(REPO_ROOT, 'actions', 'settings', 'settings.yaml'), 'utf8');
      expect(project.placeholders[path.join('settings', 'settings.yaml')] ?? []).toEqual(placeholdersIn(settings));
      expect(project.placeholders).not.toHaveProperty(path.join('webhooks', 'shopvoice.yaml'));
      // The repository's own webhook keeps what npm run models wrote.
      expect(placeholdersIn(fs.readFileSync(webhookFile, 'utf8'))).toEqual(['<your-host>']);
    } finally {
      fs.rmSync(path.dirname(outDir), { recursive: true, force: true });
    }
  });
});
