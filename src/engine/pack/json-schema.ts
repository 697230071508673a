/**
 * The pack format as JSON Schema, generated from the zod definition (the one source), so an
 * editor autocompletes and checks a pack that declares "$schema". Written to
 * rules/pack.schema.json by the build; a test keeps the committed file in step.
 */
import * as z from 'zod';
import { FORMAT_VERSION, Pack } from './schema.ts';

export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Pack, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://cooldown.invalid/pack.schema.json',
    title: `Cooldown rule pack (format ${FORMAT_VERSION})`,
    description: 'A Cooldown rule pack: rules with their own examples, playbook texts, customer types and prompts. Check one with `cooldown pack check FILE`.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
