import type { StatusMessage } from "@/lib/facts/schema";
import type { RuleId } from "@/lib/rules/rule-ids";

// What each Photos status message means, told to the agent and (in plain words) to the customer.

export type Audience = "agent" | "customer";

export type StatusExplanation = { title: string; explanation: string; whatToDo: string };

type StatusEntry = {
  agent: StatusExplanation;
  customer: StatusExplanation;
  /** Counts towards "repeated failures" in escalation readiness. */
  failing: boolean;
  /** Rules that address this message. */
  relatedRules: readonly RuleId[];
};

export const STATUS_MESSAGE_EXPLANATIONS: Record<StatusMessage, StatusEntry> = {
  paused: {
    agent: {
      title: "Paused",
      explanation: "Uploads are held because Low Power Mode is on or the battery is low.",
      whatToDo: "Switch Low Power Mode off and put the device on a charger; sync resumes by itself.",
    },
    customer: {
      title: "Paused",
      explanation: "Your device has paused uploading to save battery.",
      whatToDo: "Turn off Low Power Mode and plug your device in to charge.",
    },
    failing: true,
    relatedRules: ["disable-low-power-mode", "plug-in-to-charge"],
  },
  waiting_to_upload: {
    agent: {
      title: "Waiting to Upload",
      explanation: "Items are queued behind other work and will upload when conditions allow.",
      whatToDo: "Keep Photos open with the screen on, on Wi-Fi and a charger; check iCloud has free space.",
    },
    customer: {
      title: "Waiting to Upload",
      explanation: "Your photos are in line to be uploaded.",
      whatToDo: "Keep the Photos app open with the screen on, stay on Wi-Fi, and plug in your device.",
    },
    failing: true,
    relatedRules: ["keep-photos-open-plugged-in", "nudge-upload", "free-icloud-storage"],
  },
  updating: {
    agent: {
      title: "Updating",
      explanation: "The device is pulling edits and metadata made on other devices.",
      whatToDo: "Nothing to fix: let it finish before judging what is missing.",
    },
    customer: {
      title: "Updating",
      explanation: "Your device is fetching changes made on your other devices.",
      whatToDo: "Let it finish; you can keep using your device.",
    },
    failing: false,
    relatedRules: [],
  },
  syncing: {
    agent: {
      title: "Syncing with iCloud",
      explanation: "Normal activity: the library is being kept in step.",
      whatToDo: "No action; the customer can keep using Photos.",
    },
    customer: {
      title: "Syncing with iCloud",
      explanation: "Everything is working normally.",
      whatToDo: "Nothing to do; you can keep using Photos.",
    },
    failing: false,
    relatedRules: [],
  },
  uploading: {
    agent: {
      title: "Uploading",
      explanation: "Large files are transferring; how long it takes depends on the connection's upload speed.",
      whatToDo: "Keep the device awake on good Wi-Fi; leave big batches overnight.",
    },
    customer: {
      title: "Uploading",
      explanation: "Big files are being uploaded; a slow internet upload speed makes this take longer.",
      whatToDo: "Stay on good Wi-Fi and give it time, overnight for big batches.",
    },
    failing: false,
    relatedRules: ["large-files-patience", "stable-wifi"],
  },
  other: {
    agent: {
      title: "Other message",
      explanation: "A message not in the common list (for example an error, or an iCloud for Windows status). Apple's support pages for iPhone, Mac and PC list what each one means.",
      whatToDo: "Record the exact text and a screenshot: repeated errors count towards escalation.",
    },
    customer: {
      title: "Another message",
      explanation: "Your device showed a message we need to look at.",
      whatToDo: "Write down the exact words or take a screenshot and share it with us.",
    },
    // An unrecognised message is usually an error; it counts as a failure for escalation.
    failing: true,
    relatedRules: [],
  },
};

export function explainStatusMessage(message: StatusMessage, audience: Audience): StatusExplanation {
  return STATUS_MESSAGE_EXPLANATIONS[message][audience];
}

export function isFailingStatus(message: StatusMessage): boolean {
  return STATUS_MESSAGE_EXPLANATIONS[message].failing;
}
