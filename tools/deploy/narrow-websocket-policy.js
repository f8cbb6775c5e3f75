'use strict';

/**
 * A Serverless Framework plugin that narrows what the framework grants for websocket events:
 * - it gives every function's role `execute-api:ManageConnections` on
 *   `arn:<partition>:execute-api:*:*:*\/@connections/*` (every WebSocket API of every account);
 *   serverless.yml grants the phone function what it needs on its own WebSocket API (POST and
 *   DELETE on @connections), so the wide statement is taken out again;
 * - it lets `apigateway.amazonaws.com` invoke the function with no source, i.e. from any API;
 *   the permission is tied to this service's WebSocket API.
 */
const WIDE = 'arn:${AWS::Partition}:execute-api:*:*:*/@connections/*';

function isWideStatement(statement) {
  const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
  return resources.length === 1 && Boolean(resources[0]) && resources[0]['Fn::Sub'] === WIDE;
}

class NarrowWebsocketPolicy {
  constructor(serverless) {
    this.hooks = {
      'after:package:compileEvents': () => {
        const naming = serverless.getProvider('aws').naming;
        const resources = serverless.service.provider.compiledCloudFormationTemplate.Resources;
        const role = resources[naming.getRoleLogicalId()];
        for (const policy of (role && role.Properties.Policies) || []) {
          policy.PolicyDocument.Statement = policy.PolicyDocument.Statement.filter((statement) => !isWideStatement(statement));
        }
        const api = naming.getWebsocketsApiLogicalId();
        for (const resource of Object.values(resources)) {
          const fromSocketApi = resource.Type === 'AWS::Lambda::Permission' && (resource.DependsOn || []).includes(api);
          if (fromSocketApi && !resource.Properties.SourceArn) {
            resource.Properties.SourceArn = {
              'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: api }, '/*']],
            };
          }
        }
      },
    };
  }
}

module.exports = NarrowWebsocketPolicy;
