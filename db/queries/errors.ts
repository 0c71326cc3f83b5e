/** True when a database error (possibly wrapped by Drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown; cause?: unknown };
    if (e.code === '23505') {
      if (!constraint) return true;
      const name = e.constraint ?? e.constraint_name;
      return name === constraint || (typeof e.message === 'string' && e.message.includes(constraint));
    }
    current = e.cause;
  }
  return false;
}
