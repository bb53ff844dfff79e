// ask-sdk-test calls mocha's `it`; under jest the global `it` and `describe` do the same job.
module.exports = { it: global.it, describe: global.describe };
