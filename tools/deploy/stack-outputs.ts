import { CloudFormationClient, DescribeStacksCommand, type DescribeStacksCommandOutput } from '@aws-sdk/client-cloudformation';

/**
 * The deployed stack's outputs (serverless.yml `resources.Outputs`), read from CloudFormation with
 * the developer's AWS credentials. Only the stage and region are needed, not the parameters the
 * stack was deployed with.
 */
export type StackOutputs = Readonly<Record<string, string>>;

/** Output names serverless.yml declares for the deploy scripts. */
export const OUTPUT_NAMES = { alexaFunctionArn: 'AlexaFunctionArn', googleWebhookUrl: 'GoogleWebhookUrl' } as const;

export interface StackTarget {
  readonly stage: string;
  /** serverless.yml deploys to us-east-1 unless told otherwise. */
  readonly region?: string;
}

/** The stack the Serverless Framework names for serverless.yml's service at this stage. */
export function stackNameOf(stage: string, service = 'shopvoice'): string {
  return `${service}-${stage}`;
}

export function regionOf(target: StackTarget, env: NodeJS.ProcessEnv = process.env): string {
  return target.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
}

/** The outputs of the one stack a DescribeStacks answer describes. */
export function outputsOf(described: Pick<DescribeStacksCommandOutput, 'Stacks'>): StackOutputs {
  const [stack] = described.Stacks ?? [];
  if (!stack) throw new Error('CloudFormation described no stack');
  if (/_FAILED$|^ROLLBACK_COMPLETE$/.test(stack.StackStatus ?? '')) {
    throw new Error(`the stack ${stack.StackName} is ${stack.StackStatus}: deploy again with npx serverless deploy`);
  }
  return Object.fromEntries((stack.Outputs ?? []).flatMap(({ OutputKey, OutputValue }) => (OutputKey && OutputValue ? [[OutputKey, OutputValue]] : [])));
}

/** An unqualified or qualified Lambda function ARN, in any AWS partition. */
const LAMBDA_ARN = /^arn:aws(?:-[a-z]+)*:lambda:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9_$-]+)?$/;

export function isLambdaArn(value: string): boolean {
  return LAMBDA_ARN.test(value);
}

export function alexaFunctionArn(outputs: StackOutputs): string {
  const arn = outputs[OUTPUT_NAMES.alexaFunctionArn];
  if (!arn) throw new Error(`The stack has no ${OUTPUT_NAMES.alexaFunctionArn} output: deploy with this serverless.yml first (npx serverless deploy).`);
  if (!isLambdaArn(arn)) throw new Error(`${OUTPUT_NAMES.alexaFunctionArn} is not a Lambda function ARN: ${arn}`);
  return arn;
}

export function isWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.pathname.endsWith('/google') && !url.search && !url.hash;
  } catch {
    return false;
  }
}

export function googleWebhookUrl(outputs: StackOutputs): string {
  const url = outputs[OUTPUT_NAMES.googleWebhookUrl];
  if (!url) throw new Error(`The stack has no ${OUTPUT_NAMES.googleWebhookUrl} output: deploy with this serverless.yml first (npx serverless deploy).`);
  if (!isWebhookUrl(url)) throw new Error(`${OUTPUT_NAMES.googleWebhookUrl} is not an https URL ending in /google: ${url}`);
  return url;
}

/** Asks CloudFormation for the stage's stack (AWS credentials from the usual places: env, profile, SSO). */
export async function readStackOutputs(target: StackTarget): Promise<StackOutputs> {
  const stackName = stackNameOf(target.stage);
  const region = regionOf(target);
  const client = new CloudFormationClient({ region });
  try {
    return outputsOf(await client.send(new DescribeStacksCommand({ StackName: stackName })));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not read the stack ${stackName} in ${region}: ${message}`);
  } finally {
    client.destroy();
  }
}
