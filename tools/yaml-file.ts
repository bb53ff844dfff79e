/** A YAML file of the project's, read and checked against its zod schema; a problem names the file and each field. */
import fs from 'node:fs';
import YAML from 'yaml';
import type { z } from 'zod';

export function readYamlFile<S extends z.ZodType>(schema: S, file: string): z.output<S> {
  const result = schema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}
