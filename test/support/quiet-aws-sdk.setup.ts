/**
 * Jest setup of every project. The AWS SDK warns once per process that its releases after
 * January 2027 need Node 22; the project runs on Node 20 today and the warning would otherwise
 * repeat in every test file that touches DynamoDB.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
