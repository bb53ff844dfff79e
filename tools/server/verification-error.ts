/** A request not provably from Alexa: the server answers 401. */
export class VerificationError extends Error {}
