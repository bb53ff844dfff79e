// The skill logs one JSON line per request; tests read responses, not logs.
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
