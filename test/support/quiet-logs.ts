// The skill logs one JSON line per request; tests read responses, not logs.
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
// ask-sdk-test pulls in aws-sdk v2 (test-only), which prints an end-of-support notice on load.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
