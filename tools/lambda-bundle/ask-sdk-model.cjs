/**
 * Stands in for ask-sdk-model in the Lambda bundle (tools/lambda-bundle.ts). That package's types are all the skill
 * uses; its only runtime code is the clients of Alexa's service APIs (reminders, device address, directives …), about
 * 62 KB of the bundle, which ask-sdk-core builds only when a skill is given an API client. This skill never is
 * (test/build/bundle.test.ts checks that no code of it asks for one), so the clients are left out. Asking for one
 * anyway fails loudly, naming where to look.
 */
class ServiceClientFactory {
  constructor() {
    throw new Error('The Alexa service API clients are left out of the Lambda bundle: see tools/lambda-bundle.ts');
  }
}

module.exports = { services: { ServiceClientFactory } };
