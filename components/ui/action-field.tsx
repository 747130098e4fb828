import { inputClass } from "@/components/ui/fields";

/**
 * An uncontrolled, labelled input or textarea for forms that post to a server action (they work
 * before JavaScript loads): keeps what was typed after a refused post and shows the server's
 * message for it, wired through aria-describedby / aria-invalid.
 */
export function ActionField({ name, id, label, hint, multiline = false, required = false, defaultValue, errors }: {
  name: string;
  id: string;
  label: string;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
  defaultValue: string;
  errors: readonly string[];
}) {
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    "aria-invalid": errors.length > 0 ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {/* Keyed by the value so a refused post (React resets action forms) shows what was typed again. */}
      {multiline ? <textarea key={defaultValue} rows={3} {...common} /> : <input key={defaultValue} type="text" autoComplete="off" {...common} />}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      {errors.length ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">{errors.join(" ")}</p> : null}
    </div>
  );
}
