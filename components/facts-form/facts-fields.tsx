"use client";

import { APPLE_SYSTEM_STATUSES, SYMPTOMS } from "@/lib/facts/schema";
import { APPLE_SYSTEM_STATUS_LABELS, SYMPTOM_LABELS } from "@/lib/facts/labels";
import { SelectField, TextField, TriStateField } from "@/components/ui/fields";
import { DevicesFields } from "@/components/facts-form/devices-fields";
import { StatusMessagesFields } from "@/components/facts-form/status-messages-fields";
import type { FactsDraft } from "@/components/facts-form/draft";
import { fieldId } from "@/components/facts-form/field-errors";

type DraftUpdate = (update: (draft: FactsDraft) => FactsDraft) => void;

export interface FactsFieldsProps {
  draft: FactsDraft;
  update: DraftUpdate;
  errors: Map<string, string[]>;
}

const legendClass = "text-base font-semibold text-slate-900";
const fieldsetClass = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

/** Every fact of SPEC §2 as inputs. Blank numbers and "Unknown" answers are sent as unknown (null). */
export function FactsFields({ draft, update, errors }: FactsFieldsProps) {
  const set = <K extends keyof FactsDraft>(key: K) => (value: FactsDraft[K]) => update((d) => ({ ...d, [key]: value }));
  const err = (path: string) => errors.get(path);

  return (
    <div className="space-y-6">
      <fieldset className={fieldsetClass}>
        <legend className={legendClass} id={fieldId("customer")} tabIndex={-1}>Customer</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <TextField id={fieldId("customer.name")} label="Name" autoComplete="off" required
            value={draft.customerName} onValue={set("customerName")} errors={err("customer.name")} />
          <TextField id={fieldId("customer.email")} label="Email (optional)" type="email" autoComplete="off"
            value={draft.customerEmail} onValue={set("customerEmail")} errors={err("customer.email")} />
        </div>
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>The problem</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-3">
          <TextField id={fieldId("problemSince")} label="Problem seen since" type="datetime-local"
            hint="Leave blank to use the time of intake."
            value={draft.problemSince} onValue={set("problemSince")} errors={err("problemSince")} />
          <TriStateField id={fieldId("appleIdConsistent")} label="Same Apple ID on every device?"
            value={draft.appleIdConsistent} onValue={set("appleIdConsistent")} errors={err("appleIdConsistent")} />
          <SelectField id={fieldId("appleSystemStatus")} label="Apple system status page"
            value={draft.appleSystemStatus} onValue={set("appleSystemStatus")} errors={err("appleSystemStatus")}
            options={APPLE_SYSTEM_STATUSES.map((value) => ({ value, label: APPLE_SYSTEM_STATUS_LABELS[value] }))} />
        </div>
        <fieldset className="mt-5" aria-describedby={err("symptoms") ? `${fieldId("symptoms")}-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800" id={fieldId("symptoms")} tabIndex={-1}>Symptoms (any that apply)</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {SYMPTOMS.map((symptom) => {
              const id = `symptom-${symptom}`;
              return (
                <div key={symptom} className="flex items-start gap-2">
                  <input id={id} type="checkbox" className="mt-1 h-4 w-4"
                    checked={draft.symptoms.includes(symptom)}
                    onChange={(event) => update((d) => ({
                      ...d,
                      symptoms: event.target.checked ? [...d.symptoms, symptom] : d.symptoms.filter((s) => s !== symptom),
                    }))} />
                  <label htmlFor={id} className="text-sm">{SYMPTOM_LABELS[symptom]}</label>
                </div>
              );
            })}
          </div>
          {err("symptoms") ? <p id={`${fieldId("symptoms")}-error`} className="mt-1 text-sm font-medium text-red-800">{err("symptoms")!.join(" ")}</p> : null}
        </fieldset>
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Photo library and iCloud storage</legend>
        <div className="mt-3 grid gap-4 sm:grid-cols-3">
          <TextField id={fieldId("library.itemCount")} label="Items in the library" inputMode="numeric"
            value={draft.libraryItemCount} onValue={set("libraryItemCount")} errors={err("library.itemCount")} />
          <TextField id={fieldId("library.sizeGb")} label="Library size (GB)" inputMode="decimal"
            value={draft.librarySizeGb} onValue={set("librarySizeGb")} errors={err("library.sizeGb")} />
          <TriStateField id={fieldId("library.hasLargeFiles")} label="Large files (4K/HDR video, RAW, long Live Photos)?"
            value={draft.libraryHasLargeFiles} onValue={set("libraryHasLargeFiles")} errors={err("library.hasLargeFiles")} />
          <TextField id={fieldId("icloudStorage.totalGb")} label="iCloud storage plan (GB)" inputMode="decimal"
            value={draft.icloudTotalGb} onValue={set("icloudTotalGb")} errors={err("icloudStorage.totalGb")} />
          <TextField id={fieldId("icloudStorage.freeGb")} label="Free iCloud storage (GB)" inputMode="decimal"
            value={draft.icloudFreeGb} onValue={set("icloudFreeGb")} errors={err("icloudStorage.freeGb")} />
        </div>
        <p className="mt-3 text-xs text-slate-600">Leave a number blank when it is not known.</p>
      </fieldset>

      <DevicesFields draft={draft} update={update} errors={errors} />
      <StatusMessagesFields draft={draft} update={update} errors={errors} />
    </div>
  );
}
