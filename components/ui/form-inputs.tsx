import type { ButtonHTMLAttributes, InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { describedBy, inputClass, Messages } from "@/components/ui/fields";

// Uncontrolled, named inputs for forms posted to server actions (useActionState): they work
// without JavaScript and keep what was typed through `defaultValue`. Label, hint and error are
// wired through aria-describedby / aria-invalid as in components/ui/fields.tsx.

interface Shell {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
}

export function NamedInput({ id, label, hint, errors, className, ...rest }: Shell & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} className={inputClass} {...rest} />
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function NamedSelect({
  id, label, hint, errors, className, options, ...rest
}: Shell & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <select id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} className={inputClass} {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <Messages id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function SubmitButton({ pending, children, pendingLabel, variant = "primary", ...rest }: {
  pending: boolean;
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children">) {
  const look = {
    primary: "bg-blue-700 text-white hover:bg-blue-800",
    secondary: "border border-slate-400 bg-white text-slate-800 hover:bg-slate-50",
    danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${look}`} {...rest}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
