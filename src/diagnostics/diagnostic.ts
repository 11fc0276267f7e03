/**
 * Diagnostics like a compiler's: a typed list with severity, code, message and source location.
 * Stages report into a DiagnosticSink and return partial results; they throw only on programmer errors.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface SourceLocation {
  /** File path as given (relative to the corpus directory where possible). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. "target-not-found", "ambiguous-words". */
  code: string;
  message: string;
  location?: SourceLocation;
  /** Act id, Artikel and instruction path when the diagnostic concerns an instruction. */
  act?: string;
  path?: string;
  notes?: string[];
}

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  report(d: Diagnostic): Diagnostic {
    this.items.push(d);
    return d;
  }

  error(code: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
    return this.report({ severity: 'error', code, message, ...extra });
  }

  warning(code: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
    return this.report({ severity: 'warning', code, message, ...extra });
  }

  info(code: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
    return this.report({ severity: 'info', code, message, ...extra });
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }
}

/** `file:line:col: severity[code]: message` as a compiler prints it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}: ` : '';
  const path = d.path ? ` (${d.act ? d.act + ' ' : ''}${d.path})` : '';
  const notes = (d.notes ?? []).map((n) => `\n  note: ${n}`).join('');
  return `${where}${d.severity}[${d.code}]: ${d.message}${path}${notes}`;
}

/**
 * An error that the CLI turns into a clear one-line message (never a stack trace) and an exit code:
 * 2 for usage or bad input (the default), 1 for a failure of the run itself (e.g. the output is locked).
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'user-error',
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
