"use client";

import { useState } from "react";
import { STATUS_MESSAGES, type StatusMessage } from "@/lib/facts/schema";
import { STATUS_MESSAGE_LABELS } from "@/lib/facts/labels";
import { SelectField, TextField } from "@/components/ui/fields";
import { deviceLabel, emptyStatus, type StatusDraft } from "@/components/facts-form/draft";
import { fieldId } from "@/components/facts-form/field-errors";
import type { FactsFieldsProps } from "@/components/facts-form/facts-fields";

// Mirrors lib/cases/attachments.ts (the server checks again, by the file's real bytes).
const SCREENSHOT_TYPES = ["image/png", "image/jpeg", "image/webp", "image/heic"];
const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;

export function StatusMessagesFields({ draft, update, errors }: FactsFieldsProps) {
  const setStatus = (index: number, patch: Partial<StatusDraft>) =>
    update((d) => ({ ...d, statusMessages: d.statusMessages.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  const add = () => update((d) => ({ ...d, statusMessages: [...d.statusMessages, emptyStatus(d.devices[0]?.key ?? "")] }));
  const remove = (index: number) => update((d) => ({ ...d, statusMessages: d.statusMessages.filter((_, i) => i !== index) }));
  const deviceOptions = draft.devices.map((device, index) => ({ value: device.key, label: deviceLabel(device, index) }));

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby={fieldId("statusMessages")}>
      <div className="flex items-center justify-between">
        <h2 id={fieldId("statusMessages")} tabIndex={-1} className="text-base font-semibold">Status messages seen</h2>
        <button type="button" onClick={add}
          className="rounded-md border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50">
          Add a status message
        </button>
      </div>
      <p className="mt-1 text-sm text-slate-600">What the Photos status line showed, per device. The exact text or a screenshot helps an escalation.</p>
      {errors.get("statusMessages") ? <p className="mt-2 text-sm font-medium text-red-800">{errors.get("statusMessages")!.join(" ")}</p> : null}
      {draft.statusMessages.length === 0 ? <p className="mt-3 text-sm text-slate-700">None recorded.</p> : null}
      <ol className="mt-4 space-y-4">
        {draft.statusMessages.map((status, index) => {
          const path = (field: string) => `statusMessages.${index}.${field}`;
          const id = (field: string) => fieldId(path(field));
          const err = (field: string) => errors.get(path(field));
          return (
            <li key={status.uid}>
              <fieldset className="rounded-md border border-slate-300 p-4" id={fieldId(`statusMessages.${index}`)} tabIndex={-1}>
                <legend className="px-1 text-sm font-semibold">Status message {index + 1}</legend>
                <div className="grid gap-4 sm:grid-cols-3">
                  <SelectField id={id("deviceKey")} label="Seen on"
                    value={status.deviceKey} onValue={(deviceKey) => setStatus(index, { deviceKey })} errors={err("deviceKey")}
                    options={[{ value: "", label: "Choose a device" }, ...deviceOptions]} />
                  <SelectField<StatusMessage | ""> id={id("message")} label="Message"
                    value={status.message} onValue={(message) => setStatus(index, { message })} errors={err("message")}
                    options={[{ value: "", label: "Choose a message" }, ...STATUS_MESSAGES.map((value) => ({ value, label: STATUS_MESSAGE_LABELS[value] }))]} />
                  <TextField id={id("observedAt")} label="When" type="datetime-local"
                    value={status.observedAt} onValue={(observedAt) => setStatus(index, { observedAt })} errors={err("observedAt")} />
                  <TextField id={id("text")} label="Exact text (optional)" className="sm:col-span-2" autoComplete="off" maxLength={500}
                    value={status.text} onValue={(text) => setStatus(index, { text })} errors={err("text")} />
                  <ScreenshotInput id={id("screenshotId")} status={status} errors={err("screenshotId")}
                    onUploaded={(screenshotId, screenshotName) => setStatus(index, { screenshotId, screenshotName })} />
                </div>
                <button type="button" onClick={() => remove(index)}
                  className="mt-4 rounded-md border border-red-700 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">
                  Remove status message {index + 1}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function ScreenshotInput({ id, status, errors, onUploaded }: {
  id: string;
  status: StatusDraft;
  errors: string[] | undefined;
  onUploaded: (id: string | null, name: string | null) => void;
}) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const shown = [...(errors ?? []), ...(state.error ? [state.error] : [])];

  async function upload(file: File | undefined) {
    if (!file) return;
    if (!SCREENSHOT_TYPES.includes(file.type)) return setState({ busy: false, error: "Choose a PNG, JPEG, WebP or HEIC image." });
    if (file.size > MAX_SCREENSHOT_BYTES) return setState({ busy: false, error: "Screenshots can be 5 MB at most." });
    setState({ busy: true, error: null });
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/v1/attachments", { method: "POST", body });
      const json = (await response.json().catch(() => null)) as { id?: string; error?: { message?: string; fields?: { message: string }[] } } | null;
      if (!response.ok || !json?.id) {
        const message = json?.error?.fields?.map((f) => f.message).join(" ") || json?.error?.message || "The upload failed.";
        return setState({ busy: false, error: message });
      }
      onUploaded(json.id, file.name);
      setState({ busy: false, error: null });
    } catch {
      setState({ busy: false, error: "The upload failed: check the connection and try again." });
    }
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">Screenshot (optional)</label>
      <input id={id} type="file" accept={SCREENSHOT_TYPES.join(",")}
        aria-describedby={`${id}-hint${shown.length ? ` ${id}-error` : ""}`}
        aria-invalid={shown.length ? true : undefined}
        onChange={(event) => void upload(event.target.files?.[0])}
        className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5" />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600" aria-live="polite">
        {state.busy ? "Uploading…" : status.screenshotId ? `Attached: ${status.screenshotName ?? "screenshot"}` : "PNG, JPEG, WebP or HEIC, up to 5 MB."}
      </p>
      {status.screenshotId && !state.busy ? (
        <button type="button" className="mt-1 text-xs text-red-800 underline" onClick={() => onUploaded(null, null)}>Remove screenshot</button>
      ) : null}
      {shown.length ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">{shown.join(" ")}</p> : null}
    </div>
  );
}
