/** Reading the CloudFormation template that `serverless package` writes. */

export interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, any>;
  readonly DeletionPolicy?: string;
}

export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { readonly Value: unknown }>;
}

export function resourcesOfType(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

export function resource(template: CfnTemplate, logicalId: string, type: string): CfnResource {
  const found = template.Resources[logicalId];
  if (!found) throw new Error(`the template has no ${logicalId}`);
  if (found.Type !== type) throw new Error(`${logicalId} is a ${found.Type}, not a ${type}`);
  return found;
}

/** `{"Fn::GetAtt": [id, attribute]}` → id, for the given attribute. */
export function getAttTarget(value: unknown, attribute: string): string | undefined {
  const getAtt = (value as { 'Fn::GetAtt'?: unknown } | null)?.['Fn::GetAtt'];
  if (!Array.isArray(getAtt) || getAtt.length !== 2 || getAtt[1] !== attribute) return undefined;
  return typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
}

/**
 * A statement's Resource, each one as the table it names and, for an index ARN, the index:
 * `GetAtt X.Arn` → {table: X}; `Join('/', [GetAtt X.Arn, 'index', name])` → {table: X, index: name}.
 * Anything else (a literal ARN, a wildcard) comes back as {other: <json>}.
 */
export type ResourceRef = { readonly table: string; readonly index?: string } | { readonly other: string };

export function resourceRefs(resource: unknown): ResourceRef[] {
  const list = Array.isArray(resource) ? resource : [resource];
  return list.map((entry): ResourceRef => {
    const table = getAttTarget(entry, 'Arn');
    if (table) return { table };
    const join = (entry as { 'Fn::Join'?: unknown } | null)?.['Fn::Join'];
    if (Array.isArray(join) && join[0] === '/' && Array.isArray(join[1]) && join[1].length === 3) {
      const [arn, literal, index] = join[1] as unknown[];
      const joinedTable = getAttTarget(arn, 'Arn');
      if (joinedTable && literal === 'index' && typeof index === 'string') return { table: joinedTable, index };
    }
    return { other: JSON.stringify(entry) };
  });
}

export interface PolicyStatement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every statement of every inline policy of the role. */
export function roleStatements(role: CfnResource): PolicyStatement[] {
  const policies = (role.Properties.Policies ?? []) as { PolicyDocument: { Statement: PolicyStatement[] } }[];
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

export function actionsOf(statement: PolicyStatement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}
