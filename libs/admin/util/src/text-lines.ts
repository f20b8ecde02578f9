/** "One a line" textareas (goals, success measures, action items): the lines with something on them, trimmed. */
export function linesOf(value: string): string[] {
  return value
    .split('\n')
    .map((row) => row.trim())
    .filter(Boolean);
}
