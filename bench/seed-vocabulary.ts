import { RULE_IDS } from "@/lib/rules/rule-ids";
import { wordsOf } from "@/lib/cases/search-tokens";

// The words the benchmark's cases are made of, with their search tokens computed here by the app's
// own wordsOf(), so the seeded CaseSearchToken rows are exactly what lib/cases/search-tokens.ts
// would store for the same facts (tests/integration/bench-seed.test.ts compares them case by case).

export const FIRST_NAMES = ["Olivia", "Liam", "María", "Noah", "Ava", "Elijah", "Sofía", "Mateo", "Zoë", "Lucas", "Amara", "Kenji"];
export const COMMON_SURNAMES = ["Smith", "García", "Okafor", "Nguyễn", "Müller", "Rossi", "Kowalski", "Haddad", "Tanaka", "O'Brien"];
export const EMAIL_DOMAINS = ["example.com", "mail.example", "corp.example"];

// Rare surnames: 20 × 20 × 20 syllable combinations (8,000 names). One customer in ten has one,
// so each rare name is on ~12 cases per 1,000,000: what searching for a person by name looks like.
const SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "to", "vel", "zu", "bri", "dan", "fe", "gor", "hal", "ji", "kor", "lin", "mar", "nob", "pel", "qui"];
export const RARE_SURNAMES = SYLLABLES.flatMap((a) =>
  SYLLABLES.flatMap((b) => SYLLABLES.map((c) => `${a}${b}${c}`.replace(/^./, (first) => first.toUpperCase()))),
);

/** Device profiles: platform and model per device, in order. `index % 4` picks one per case. */
export const DEVICE_PROFILES: { platform: string; model: string }[][] = [
  [{ platform: "iphone", model: "iPhone 15 Pro" }],
  [{ platform: "iphone", model: "iPhone 13" }, { platform: "mac", model: "MacBook Air M2" }],
  [{ platform: "ipad", model: "iPad Air" }, { platform: "windows", model: "Surface Laptop 5" }],
  [{ platform: "iphone", model: "iPhone 16" }, { platform: "ipad", model: "iPad mini" }, { platform: "mac", model: "iMac 24" }],
];

/** Rules a seeded step may name: real ids, so the engine reads seeded steps like recorded ones. */
export const SEED_STEP_RULES = RULE_IDS.filter((id) =>
  ["test-fresh-shot", "restart-device", "stable-wifi", "plug-in-to-charge", "update-os", "toggle-icloud-photos"].includes(id),
);

export interface SeedVocabulary {
  firstNames: string[];
  firstTokens: string[];
  surnames: string[];
  surnameTokens: string[];
  domains: string[];
  domainTokens: string[];
  profilePlatforms: string[];
  profileModels: string[];
  profileTokens: string[];
  stepRules: string[];
}

/**
 * Every list with its tokens joined by spaces (PostgreSQL arrays must be rectangular, so each
 * entry's tokens travel as one string). Surnames: the 10 common ones first, then the rare pool.
 * Throws when two lists share a word: the seed relies on that to need no DISTINCT over millions of
 * token rows. The overlaps it cannot rule out here (the case number equal to a model's number, e.g.
 * case 15 with an "iPhone 15 Pro") are handled in the SQL.
 */
export function seedVocabulary(): SeedVocabulary {
  const tokensOf = (texts: string[]) => texts.map((text) => [...new Set(wordsOf(text))].join(" "));
  const surnames = [...COMMON_SURNAMES, ...RARE_SURNAMES];
  const vocabulary: SeedVocabulary = {
    firstNames: FIRST_NAMES,
    firstTokens: tokensOf(FIRST_NAMES),
    surnames,
    surnameTokens: tokensOf(surnames),
    domains: EMAIL_DOMAINS,
    domainTokens: tokensOf(EMAIL_DOMAINS),
    profilePlatforms: DEVICE_PROFILES.map((devices) => devices.map((device) => device.platform).join(",")),
    profileModels: DEVICE_PROFILES.map((devices) => devices.map((device) => device.model).join(",")),
    profileTokens: DEVICE_PROFILES.map((devices) => tokensOf([devices.map((device) => device.model).join(" ")])[0]!),
    stepRules: [...SEED_STEP_RULES],
  };
  assertDisjoint([vocabulary.firstTokens, vocabulary.surnameTokens, vocabulary.domainTokens, vocabulary.profileTokens, ["pst"]]);
  return vocabulary;
}

function assertDisjoint(lists: string[][]) {
  const owner = new Map<string, number>();
  lists.forEach((list, index) => {
    for (const word of list.flatMap((entry) => entry.split(" "))) {
      if (owner.has(word) && owner.get(word) !== index) throw new Error(`Seed word "${word}" is in two lists`);
      owner.set(word, index);
    }
  });
}
