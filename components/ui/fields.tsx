import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import type { TriState } from "@/components/facts-form/draft";

// Labelled inputs with their hint and error wired through aria-describedby / aria-invalid.

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600 aria-[invalid=true]:border-red-700";

interface FieldShell {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
}

export function describedBy(id: string, hint: ReactNode, errors: readonly string[] | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function Messages({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: readonly string[] }) {
  return (
    <>
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  id, label, hint, errors, className, value, onValue, ...rest
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange"> & { value: string; onValue: (value: string) => void }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
        {...rest}
      />
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function SelectField<V extends string>({
  id, label, hint, errors, className, value, onValue, options, ...rest
}: FieldShell &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "value" | "onChange"> & {
    value: V;
    onValue: (value: V) => void;
    options: ReadonlyArray<{ value: V; label: string }>;
  }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value as V)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

const TRI_OPTIONS: ReadonlyArray<{ value: TriState; label: string }> = [
  { value: "", label: "Unknown" },
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** Yes / No / Unknown: unknown is a real answer, and the default. */
export function TriStateField(props: FieldShell & { value: TriState; onValue: (value: TriState) => void }) {
  return <SelectField {...props} options={TRI_OPTIONS} />;
}

