/**
 * When a topic is asked for: one table-driven handler serves every section of the page. Adding a topic
 * is a content file, an intent in the model and one row here.
 */
import { startOf } from '../conversation/place';
import { turnFor } from '../conversation/turn-for';
import { intentNameOf } from '../request/facts';
import type { SkillHandler } from '../request/handler';

/** Intent → the content entry it plays (a topic, or a list read three at a time). */
export const TOPIC_INTENTS: Readonly<Record<string, string>> = {
  WhatIsItIntent: 'what-is-it',
  AffectedBonesIntent: 'affected-bones',
  MyelomaIntent: 'myeloma',
  UnknownPrimaryIntent: 'unknown-primary',
  SymptomsIntent: 'symptoms',
  CausesIntent: 'causes',
  DiagnosisIntent: 'diagnosis',
  TestsIntent: 'tests',
  DiagnosingPrimaryIntent: 'diagnosing-primary',
  TreatmentsIntent: 'treatments',
  TreatmentTeamIntent: 'treatment-team',
  TreatmentAimIntent: 'treatment-aim',
  SymptomReliefIntent: 'symptom-relief',
  ClinicalTrialsIntent: 'other-treatments',
  AfterTreatmentIntent: 'after-treatment',
  SupportIntent: 'support',
  AboutIntent: 'about',
  TopicsIntent: 'topics',
  // Named inside other answers, asked by name.
  HighCalciumIntent: 'high-calcium',
  // Questions about the listener's own case: an honest "I can't", then what the page does say.
  PrognosisQuestionIntent: 'own-prognosis',
  TreatmentDecisionIntent: 'own-treatment',
  DiagnosisQuestionIntent: 'own-diagnosis',
};

export const TopicIntentHandler: SkillHandler = {
  canHandle: (input) => Object.hasOwn(TOPIC_INTENTS, intentNameOf(input) ?? ''),
  handle: (input) => turnFor(input).play(startOf(TOPIC_INTENTS[intentNameOf(input) as string])),
};
