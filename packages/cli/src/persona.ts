/** Personas for commands that need one: a built-in id or a persona JSON file (JPKI.md "Personas"). */
import { BUILT_IN_PERSONAS, parsePersona, type Persona } from "@jpki-sandbox/jpki-core";
import { readInputFile } from "./files.js";
import { CliInputError } from "./io.js";

/** A built-in persona by id, or a persona JSON file (the schema of JPKI.md "Personas"). */
export function loadPersona(reference: string): Persona {
  const builtIn = BUILT_IN_PERSONAS[reference];
  if (builtIn) return builtIn;
  if (!reference.endsWith(".json")) {
    const known = Object.keys(BUILT_IN_PERSONAS).join(", ");
    throw new CliInputError(`unknown persona "${reference}" (built in: ${known}; or give a persona .json file)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(readInputFile(reference, "persona file")));
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`persona file ${reference} is not valid JSON`);
  }
  return parsePersona(json);
}
