/**
 * The model linter as run on the project's own model: each locale's generated interaction model, its source's
 * `keptApart` pairs, the built-in phrases Alexa owns, and skill.json's example phrases.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatProblems, lintModel, type LintProblem } from './model/lint';
import { generatedModels, readModelSource } from './model/source';
import { BUILT_IN_PHRASES } from './simulator/built-ins';

const root = path.resolve(__dirname, '..');

export function lintProjectModels(): { locale: string; problems: LintProblem[] }[] {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(root, 'skill.json'), 'utf8'));
  return generatedModels().map(({ locale, json }) => {
    const source = readModelSource(locale);
    return {
      locale,
      problems: lintModel(JSON.parse(json), {
        locale,
        manifest,
        keptApart: source.keptApart.map((k) => k.samples),
        thirdPersons: source.persons.slice(1).map((p) => p.I),
        builtInPhrases: Object.values(BUILT_IN_PHRASES).flat(),
      }),
    };
  });
}

if (require.main === module) {
  let count = 0;
  for (const { locale, problems } of lintProjectModels()) {
    count += problems.length;
    if (problems.length) console.log(`${locale}:\n${formatProblems(problems)}`);
  }
  console.log(count ? `${count} problem(s)` : 'the interaction model passes the linter');
  process.exit(count ? 1 : 0);
}
