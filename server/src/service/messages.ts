// The one catalogue of everything a user reads, in Dutch and English. Diagnostics are written from their
// typed data, so that a message never carries information the data does not.
import type { DiagnosticCode, DiagnosticDataByCode, Language } from './types';

type Templates = { [C in DiagnosticCode]: Record<Language, (d: DiagnosticDataByCode[C]) => string> };

const q = (s: string) => `"${s}"`;

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"` in the given language. */
export function orList(values: string[], lang: Language): string {
  const quoted = values.map(q);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${lang === 'nl' ? 'of' : 'or'} ${quoted[quoted.length - 1]}`;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"` in the given language. */
function andList(values: string[], lang: Language): string {
  const quoted = values.map(q);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${quoted[quoted.length - 1]}`;
}

/** `text` in double quotes, unless it is already quoted (a quoted label in an expression). */
const quoted = (text: string) => (/^(["']).*\1$/.test(text) && text.length > 1 ? text : q(text));

function didYouMean(suggestions: string[], lang: Language): string {
  if (suggestions.length === 0) return '';
  return lang === 'nl' ? ` Bedoel je ${orList(suggestions, lang)}?` : ` Did you mean ${orList(suggestions, lang)}?`;
}

const TYPE_NAMES: Record<string, Record<Language, string>> = {
  array: { en: 'a list', nl: 'een lijst' },
  string: { en: 'text', nl: 'tekst' },
  number: { en: 'a number', nl: 'een getal' },
  integer: { en: 'a whole number', nl: 'een geheel getal' },
  boolean: { en: 'true or false', nl: 'true of false' },
  object: { en: 'keys with values', nl: 'velden met waarden' },
  null: { en: 'empty', nl: 'leeg' },
};
export function typeName(type: string, lang: Language): string {
  return type
    .split(',')
    .map((t) => TYPE_NAMES[t]?.[lang] ?? t)
    .join(lang === 'nl' ? ' of ' : ' or ');
}

/**
 * Wordings of YAML faults, by the code frontmatter.ts gives them: the `yaml` package's error code, or one of
 * ours where the package's message would point the author at the wrong fix. `{detail}` is what the fault
 * names (a character, a tag); where a language has no wording, the message falls back to the package's own
 * (English) text. Each wording starts in lower case and has no final period: it goes inside a sentence.
 */
const YAML_NL: Record<string, string> = {
  // The `yaml` package's codes (its ErrorCode type), each worded for what it means in a frontmatter block.
  ALIAS_PROPS: 'een verwijzing (*naam) kan geen anker (&) of tag (!) hebben',
  BAD_ALIAS: 'een & of * zonder geldige naam erachter; zet een waarde die met & of * begint tussen aanhalingstekens',
  BAD_COLLECTION_TYPE: 'de tag past niet bij de waarde: een tag voor een lijst of voor velden op het verkeerde soort waarde',
  BAD_DIRECTIVE: 'een regel die met % begint, leest YAML als directive; haal hem weg, of zet een waarde met % tussen aanhalingstekens',
  BAD_DQ_ESCAPE: 'de backslash in {detail} begint een escape-code die niet bestaat; schrijf tussen dubbele aanhalingstekens \\\\ voor een backslash, of gebruik enkele aanhalingstekens',
  BAD_INDENT: 'de inspringing klopt niet: de velden van één map, en de items van één lijst, beginnen in dezelfde kolom',
  BAD_PROP_ORDER: 'een anker (&) of tag (!) staat op de verkeerde plaats',
  BAD_SCALAR_START: 'een waarde mag niet met {detail} beginnen; zet haar tussen aanhalingstekens',
  BLOCK_AS_IMPLICIT_KEY: 'een dubbele punt in een waarde; zet de waarde tussen aanhalingstekens',
  BLOCK_IN_FLOW: 'tussen haken [ ] of { } kan geen lijst met - en geen veld: waarde op een eigen regel staan; zet zo\'n waarde tussen aanhalingstekens',
  DUPLICATE_KEY: 'hetzelfde veld staat twee keer in deze map',
  IMPOSSIBLE: 'de YAML kan hier niet gelezen worden',
  KEY_OVER_1024_CHARS: 'een veldnaam van meer dan 1024 tekens; staat er een dubbele punt in een lange tekst?',
  MISSING_CHAR: 'er ontbreekt een teken: een spatie voor #, een komma tussen items tussen haken, of een spatie na een anker (&) of tag (!)',
  MULTILINE_IMPLICIT_KEY: 'een veldnaam loopt over meer regels',
  MULTIPLE_ANCHORS: 'een waarde met meer dan één anker (&)',
  MULTIPLE_DOCS: 'een regel die met "--- " begint, opent een tweede YAML-document; haal hem weg, of zet zo\'n waarde tussen aanhalingstekens',
  MULTIPLE_TAGS: 'een waarde met meer dan één tag (!)',
  NON_STRING_KEY: 'een veldnaam moet tekst zijn, geen lijst of map',
  RESOURCE_EXHAUSTION: 'te veel verwijzingen (*naam) om uit te werken',
  TAB_AS_INDENT: 'een tab als inspringing; gebruik spaties',
  TAG_RESOLVE_FAILED: 'de waarde past niet bij haar tag (!!...)',
  UNEXPECTED_TOKEN: 'onverwachte tekst hier; controleer de inspringing, en zet een waarde met leestekens als : # [ ] { } tussen aanhalingstekens',
  // Ours: faults the `yaml` package names by a consequence, or places where it gave up.
  TOO_DEEP: 'haakjes te diep genest om te lezen',
  TOO_DEEP_BLOCK: 'lijsten en velden te diep in elkaar genest om te lezen',
  UNCLOSED_QUOTE: 'dit aanhalingsteken wordt niet gesloten, dus de waarde loopt door tot het eind van de frontmatter; zet hetzelfde teken aan het eind van de waarde',
  UNCLOSED_BRACKET: 'dit haakje wordt niet gesloten; zet het bijbehorende sluithaakje, ] of }, aan het eind',
  MISPLACED_LIST_ITEM: 'een lijstitem (-) waar een veld verwacht wordt: de items van één lijst beginnen in dezelfde kolom, onder een veld zonder waarde (veld:)',
  INDENTED_KEY:
    'deze regel springt verder in dan de regel erboven en hoort dus bij die waarde, waarin geen "veld:" kan staan; begin een nieuw veld in dezelfde kolom als de velden erboven, of zet de waarde tussen aanhalingstekens',
  MISSING_COLON: 'deze regel is geen veld met een waarde: de dubbele punt ontbreekt (veld: waarde), of de regel hoort bij de waarde erboven en moet dan inspringen',
  TEXT_AFTER_QUOTE: 'tekst na het afsluitende aanhalingsteken; zet de hele waarde tussen aanhalingstekens',
  MISSING_SPACE_AFTER_COLON: 'er ontbreekt een spatie na "{detail}:"; zonder spatie is de regel gewone tekst, geen veld met een waarde (veld: waarde)',
  MISSING_SPACE_AFTER_DASH: 'er ontbreekt een spatie na de -; zonder spatie is de regel gewone tekst, geen lijstitem (- item)',
  // Ours: what PyYAML, the site's reader, rejects and `yaml` lets pass.
  MISSING_ANCHOR:
    '{detail} verwijst naar een anker (&naam) dat er niet is: een waarde die met * begint, is een verwijzing; zet de waarde tussen aanhalingstekens als de * gewoon tekst is',
  UNKNOWN_TAG: 'de YAML-lezer van de site kent de tag {detail} niet; haal hem weg, of zet de waarde tussen aanhalingstekens als de ! gewoon tekst is',
  BAD_MERGE: '<< (samenvoegen) verwacht velden of een lijst van velden, bijvoorbeeld <<: *anker',
  NON_PRINTABLE: 'een onzichtbaar stuurteken ({detail}) dat de YAML-lezer van de site niet accepteert; haal het weg',
  TAB: 'een tab; de YAML-lezer van de site accepteert tabs alleen tussen aanhalingstekens, in commentaar en in bloktekst (| of >): vervang de tab door een spatie',
  // Ours: the block runs on into the page text; {detail} is the line of the --- that ends it.
  PAGE_TEXT:
    'dit lijkt paginatekst, geen frontmatter: de frontmatter is waarschijnlijk niet afgesloten waar dat bedoeld was en loopt door tot de --- op regel {detail}; zet een ---regel na het laatste veld',
};
// English where the package's own message is obscure or misleading (MISSING_CHAR's own messages are plain:
// "Missing , between flow sequence items").
const YAML_EN: Record<string, string> = {
  ALIAS_PROPS: 'an alias (*name) cannot have an anchor (&) or tag (!)',
  BAD_ALIAS: 'a & or * without a valid name after it; put a value that starts with & or * in quotes',
  BAD_COLLECTION_TYPE: 'the tag does not fit the value: a tag for a list or for keys on the wrong kind of value',
  BAD_DIRECTIVE: 'a line that starts with % is read as a YAML directive; remove it, or put a value with % in quotes',
  BAD_DQ_ESCAPE: 'the backslash in {detail} starts an escape code that does not exist; inside double quotes write \\\\ for a backslash, or use single quotes',
  BAD_INDENT: 'the indentation is off: the keys of one map, and the items of one list, start in the same column',
  BAD_PROP_ORDER: 'an anchor (&) or tag (!) in the wrong place',
  BAD_SCALAR_START: 'a value cannot start with {detail}; put it in quotes',
  BLOCK_AS_IMPLICIT_KEY: 'a colon inside a value; put the value in quotes',
  BLOCK_IN_FLOW: 'inside brackets [ ] or { } a list with - or a key: value cannot start a line of its own; put such a value in quotes',
  DUPLICATE_KEY: 'the same key twice in this map',
  IMPOSSIBLE: 'the YAML cannot be read here',
  KEY_OVER_1024_CHARS: 'a key of more than 1024 characters; is there a colon in a long text?',
  MULTILINE_IMPLICIT_KEY: 'a key that runs over more than one line',
  MULTIPLE_ANCHORS: 'a value with more than one anchor (&)',
  MULTIPLE_DOCS: 'a line that starts with "--- " opens a second YAML document; remove it, or put such a value in quotes',
  MULTIPLE_TAGS: 'a value with more than one tag (!)',
  NON_STRING_KEY: 'a key must be text, not a list or map',
  RESOURCE_EXHAUSTION: 'too many aliases (*name) to expand',
  TAB_AS_INDENT: 'a tab as indentation; use spaces',
  TAG_RESOLVE_FAILED: 'the value does not fit its tag (!!...)',
  UNEXPECTED_TOKEN: 'unexpected text here; check the indentation, and put a value with characters such as : # [ ] { } in quotes',
  TOO_DEEP: 'brackets nested too deeply to read',
  TOO_DEEP_BLOCK: 'lists and keys nested too deeply to read',
  UNCLOSED_QUOTE: 'this quote is never closed, so the value runs on to the end of the frontmatter; end the value with the same quote',
  UNCLOSED_BRACKET: 'this bracket is never closed; end the list with the matching ] or }',
  MISPLACED_LIST_ITEM: 'a list item (-) where a key is expected: the items of one list start in the same column, under a key without a value (key:)',
  INDENTED_KEY:
    'this line is indented further than the one above, so it continues that value, which cannot hold a "key:"; start a new key in the same column as the keys above, or put the value in quotes',
  MISSING_COLON: 'this line is not a key with a value: the colon is missing (key: value), or the line continues the value above and must then be indented',
  TEXT_AFTER_QUOTE: 'text after the closing quote; put the whole value in quotes',
  MISSING_SPACE_AFTER_COLON: 'a space is missing after "{detail}:"; without it the line is plain text, not a key with a value (key: value)',
  MISSING_SPACE_AFTER_DASH: 'a space is missing after the -; without it the line is plain text, not a list item (- item)',
  MISSING_ANCHOR: '{detail} refers to an anchor (&name) that does not exist: a value that starts with * is a reference; put the value in quotes if the * is just text',
  UNKNOWN_TAG: "the site's YAML reader does not know the tag {detail}; remove it, or put the value in quotes if the ! is just text",
  BAD_MERGE: '<< (merge) takes a map or a list of maps, such as <<: *anchor',
  NON_PRINTABLE: "an invisible control character ({detail}) that the site's YAML reader does not accept; remove it",
  TAB: "a tab character; the site's YAML reader accepts tabs only inside quotes, in comments and in block text (| or >): replace it with a space",
  PAGE_TEXT:
    'this looks like page text, not frontmatter: the frontmatter is probably not closed where intended and runs on to the --- on line {detail}; put a --- line after the last key',
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A place in the frontmatter as an author reads it: `"vereiste"`, `item 2 of "vereiste"`,
 * `"impactvol" in item 1 of "rekenregels"` (list positions count from 1).
 */
export function describePath(path: readonly (string | number)[], lang: Language): string {
  let text = '';
  for (const part of path) {
    const here = typeof part === 'number' ? `item ${part + 1}` : q(part);
    text = text === '' ? here : `${here} ${typeof part === 'number' ? (lang === 'nl' ? 'van' : 'of') : 'in'} ${text}`;
  }
  return text;
}

export const MESSAGES: Templates = {
  'frontmatter.yaml-syntax': {
    en: (d) => `Invalid YAML: ${YAML_EN[d.yamlCode] ?? '{detail}'}. The site ignores all metadata of this page while the YAML is invalid.`,
    nl: (d) => `Ongeldige YAML: ${YAML_NL[d.yamlCode] ?? '{detail}'}. De site negeert alle metadata van deze pagina zolang de YAML ongeldig is.`,
  },
  'frontmatter.missing': {
    en: (d) => `This ${d.pageType} page has no frontmatter: it needs a block between two --- lines at the top, with at least the required keys.`,
    nl: (d) => `Deze pagina (${d.pageType}) heeft geen frontmatter: bovenaan hoort een blok tussen twee ---regels, met minstens de verplichte velden.`,
  },
  'frontmatter.unclosed': {
    en: () => 'The frontmatter is not closed: add a --- line after the last key. Until then the site sees no metadata on this page.',
    nl: () => 'De frontmatter wordt niet afgesloten: zet een ---regel na het laatste veld. Tot dan ziet de site geen metadata op deze pagina.',
  },
  'frontmatter.too-large': {
    en: (d) => `This frontmatter is ${Math.round(d.chars / 1024)} KB long, more than the ${d.limit / 1024} KB these checks read, so it is not checked. Real frontmatter is a few KB: is its closing --- missing?`,
    nl: (d) => `Deze frontmatter is ${Math.round(d.chars / 1024)} KB lang, meer dan de ${d.limit / 1024} KB die deze controles lezen, en wordt dus niet gecontroleerd. Echte frontmatter is een paar KB: ontbreekt de afsluitende ---?`,
  },
  'file.not-utf8': {
    en: () => 'This file is not valid UTF-8 from here on: MkDocs cannot read it, so the site build fails. Save the file as UTF-8.',
    nl: () => 'Dit bestand is vanaf hier geen geldige UTF-8: MkDocs kan het niet lezen, dus de bouw van de site mislukt. Sla het bestand op als UTF-8.',
  },
  'file.not-checked': {
    en: (d) => `This page could not be checked: the checker failed on it (${d.reason}). The other pages are checked as usual; please report this with the page.`,
    nl: (d) => `Deze pagina kon niet worden gecontroleerd: de controle liep erop vast (${d.reason}). De andere pagina's worden gewoon gecontroleerd; meld dit graag, met de pagina.`,
  },
  'workspace.folder-reached-twice': {
    en: (d) => `The folder ${d.path} leads through a symbolic link to the same folder as ${d.first || '.'}: the site builds its pages twice, under both paths. They are checked once, under ${d.first || '.'}.`,
    nl: (d) => `De map ${d.path} leidt via een symbolische koppeling naar dezelfde map als ${d.first || '.'}: de site bouwt de pagina's erin twee keer, onder beide paden. Ze worden één keer gecontroleerd, onder ${d.first || '.'}.`,
  },
  'frontmatter.close-needs-newline': {
    en: () => 'The closing --- is the last line of the file without a line break; the site then ignores the frontmatter. Add a line break.',
    nl: () => 'De afsluitende --- is de laatste regel van het bestand, zonder regeleinde; de site negeert dan de frontmatter. Voeg een regeleinde toe.',
  },
  'frontmatter.not-a-mapping': {
    en: () => 'The frontmatter must consist of keys with values (key: value); the site ignores anything else.',
    nl: () => 'De frontmatter moet bestaan uit velden met waarden (veld: waarde); iets anders negeert de site.',
  },
  'frontmatter.unknown-key': {
    en: (d) =>
      `Unknown key "${d.key}" ${d.path?.length ? `in ${describePath(d.path, 'en')}` : `for a ${d.pageType} page`}; the site ignores it.${didYouMean(d.suggestions, 'en')}`,
    nl: (d) =>
      `Onbekend veld "${d.key}" ${d.path?.length ? `in ${describePath(d.path, 'nl')}` : `voor een pagina van type ${d.pageType}`}; de site negeert het.${didYouMean(d.suggestions, 'nl')}`,
  },
  'frontmatter.duplicate-key': {
    en: (d) => `The key "${d.key}" occurs more than once; the site keeps only the last one.`,
    nl: (d) => `Het veld "${d.key}" komt meer dan eens voor; de site houdt alleen het laatste.`,
  },
  'frontmatter.missing-key': {
    en: (d) => `Required key "${d.key}" is missing.`,
    nl: (d) => `Verplicht veld "${d.key}" ontbreekt.`,
  },
  'frontmatter.wrong-type': {
    en: (d) =>
      d.actual === 'null'
        ? `${capitalize(describePath(d.path, 'en'))} is empty; give it ${typeName(d.expected, 'en')} or remove ${d.path.length > 1 ? 'it' : 'the key'}.` +
          (d.expected === 'array' ? ' The site cannot filter on an empty value.' : '')
        : `${capitalize(describePath(d.path, 'en'))} must be ${typeName(d.expected, 'en')}, not ${typeName(d.actual, 'en')}.` +
          (d.expected === 'array' && d.actual === 'string' ? ' The site then compares parts of the text instead of whole values.' : ''),
    nl: (d) =>
      d.actual === 'null'
        ? `${capitalize(describePath(d.path, 'nl'))} is leeg; geef ${typeName(d.expected, 'nl')} of haal ${d.path.length > 1 ? 'het item' : 'het veld'} weg.` +
          (d.expected === 'array' ? ' De site kan niet filteren op een lege waarde.' : '')
        : `${capitalize(describePath(d.path, 'nl'))} moet ${typeName(d.expected, 'nl')} zijn, niet ${typeName(d.actual, 'nl')}.` +
          (d.expected === 'array' && d.actual === 'string' ? ' De site vergelijkt dan stukjes tekst in plaats van hele waarden.' : ''),
  },
  'frontmatter.unknown-value': {
    en: (d) =>
      d.caseOnly
        ? `"${d.value}" differs from the ${d.vocabulary} value "${d.suggestions[0]}" only in upper/lower case; the site treats them as different, so this page drops out of that filter.`
        : `"${d.value}" is not a known ${d.vocabulary} value.${didYouMean(d.suggestions, 'en')}`,
    nl: (d) =>
      d.caseOnly
        ? `"${d.value}" verschilt van de ${d.vocabulary}-waarde "${d.suggestions[0]}" alleen in hoofd-/kleine letters; de site ziet ze als verschillend, dus deze pagina valt uit dat filter.`
        : `"${d.value}" is geen bekende waarde voor ${d.vocabulary}.${didYouMean(d.suggestions, 'nl')}`,
  },
  'frontmatter.duplicate-value': {
    en: (d) => `"${d.value}" occurs more than once in "${d.key}"; remove the repetition.`,
    nl: (d) => `"${d.value}" staat meer dan eens in "${d.key}"; haal de herhaling weg.`,
  },
  'frontmatter.empty-list': {
    en: (d) => `"${d.key}" is an empty list; the page then appears under no ${d.key} at all.`,
    nl: (d) => `"${d.key}" is een lege lijst; de pagina staat dan bij geen enkele ${d.key}.`,
  },
  'frontmatter.list-as-text': {
    en: (d) =>
      d.same
        ? `"${d.key}" is text, not a list. For the reader nothing changes: the site tests each value with "in", which finds ${andList(d.applied, 'en')} inside the text, so it applies all the same. Write it as a list, as the templates do.`
        : `"${d.key}" is text, not a list. The site tests each value with "in", which finds values inside text: here ${d.applied.length ? andList(d.applied, 'en') : 'none'}; so ${orList(d.written.filter((w) => !d.applied.includes(w)), 'en')} has no effect. Write it as a list of known values.`,
    nl: (d) =>
      d.same
        ? `"${d.key}" is tekst, geen lijst. Voor de lezer verandert er niets: de site test elke waarde met "in", dat ${andList(d.applied, 'nl')} in de tekst vindt, dus die geldt toch. Schrijf het als lijst, zoals de sjablonen doen.`
        : `"${d.key}" is tekst, geen lijst. De site test elke waarde met "in", dat waarden binnen tekst vindt: hier ${d.applied.length ? andList(d.applied, 'nl') : 'geen'}; dus ${orList(d.written.filter((w) => !d.applied.includes(w)), 'nl')} heeft geen effect. Schrijf het als lijst van bekende waarden.`,
  },
  'frontmatter.id-format': {
    en: (d) => `The id "${d.value}" does not have the form ${d.expected} (for example ${d.example}).`,
    nl: (d) => `Het id "${d.value}" heeft niet de vorm ${d.expected} (bijvoorbeeld ${d.example}).`,
  },
  'frontmatter.duplicate-id': {
    en: (d) => `The id "${d.value}" is also used by ${d.others.join(', ')}.`,
    nl: (d) => `Het id "${d.value}" wordt ook gebruikt door ${d.others.join(', ')}.`,
  },
  'frontmatter.id-filename-mismatch': {
    en: (d) => `The file name "${d.fileName}" does not start with "${d.code}", the last part of its id.`,
    nl: (d) => `De bestandsnaam "${d.fileName}" begint niet met "${d.code}", het laatste deel van het id.`,
  },
  'frontmatter.title-period': {
    en: () => 'The title ends in a period; the templates say: no period after the title.',
    nl: () => 'De titel eindigt op een punt; volgens de templates hoort er geen punt achter de titel.',
  },
  'frontmatter.toelichting-too-long': {
    en: (d) => `"toelichting" has ${d.words} words; the templates ask for at most ${d.max}.`,
    nl: (d) => `"toelichting" heeft ${d.words} woorden; de templates vragen om maximaal ${d.max}.`,
  },
  'frontmatter.schema': {
    en: (d) => `"${d.key}": ${d.detail}.`,
    nl: (d) => `"${d.key}": voldoet niet aan het schema (${d.detail}).`,
  },
  'directive.unknown-filter-key': {
    en: (d) => `No page listed by ${d.name} has the key "${d.key}", so this list is empty.${didYouMean(d.suggestions, 'en')}`,
    nl: (d) => `Geen pagina die ${d.name} toont heeft het veld "${d.key}", dus deze lijst is leeg.${didYouMean(d.suggestions, 'nl')}`,
  },
  'directive.unknown-filter-value': {
    en: (d) =>
      d.caseOnly
        ? `"${d.value}" differs from the ${d.domain} "${d.suggestions[0]}" only in upper/lower case; the site treats them as different, so this list is empty.`
        : `"${d.value}" is not a known ${d.domain}, so this list is empty.${didYouMean(d.suggestions, 'en')}`,
    nl: (d) =>
      d.caseOnly
        ? `"${d.value}" verschilt van ${d.domain} "${d.suggestions[0]}" alleen in hoofd-/kleine letters; de site ziet ze als verschillend, dus deze lijst is leeg.`
        : `"${d.value}" is geen bekende ${d.domain}, dus deze lijst is leeg.${didYouMean(d.suggestions, 'nl')}`,
  },
  'directive.foreign-stem': {
    en: (d) => `This list shows the pages for ${d.key} "${d.value}", not for this page ("${d.own}"); a copy from another page or the template?`,
    nl: (d) => `Deze lijst toont de pagina's bij ${d.key} "${d.value}", niet bij deze pagina ("${d.own}"); gekopieerd van een andere pagina of de template?`,
  },
  'directive.empty': {
    en: (d) => `${d.name}${d.params ? ' ' + d.params : ''} lists no page: the site shows an empty table.`,
    nl: (d) => `${d.name}${d.params ? ' ' + d.params : ''} toont geen enkele pagina: de site laat een lege tabel zien.`,
  },
  'directive.ignored-filter': {
    en: (d) => `The site ignores "${d.token}": only the first token filters${d.used ? ` (here "${d.used}")` : ''}.`,
    nl: (d) => `De site negeert "${d.token}": alleen het eerste woord filtert${d.used ? ` (hier "${d.used}")` : ''}.`,
  },
  'directive.ignored-token': {
    en: (d) =>
      `The site ignores "${d.token}": ` +
      ({
        'unknown-flag': `no such column; columns are ${orList(d.columns, 'en')}.`,
        'flag-position': 'in this content model, flags are only read after the filter.',
        'not-a-flag': 'it is neither a key/value filter nor a column flag.',
        malformed: 'a filter must be exactly key/value.',
      })[d.reason],
    nl: (d) =>
      `De site negeert "${d.token}": ` +
      ({
        'unknown-flag': `zo'n kolom bestaat niet; kolommen zijn ${orList(d.columns, 'nl')}.`,
        'flag-position': 'in dit contentmodel worden vlaggen alleen na het filter gelezen.',
        'not-a-flag': 'het is geen veld/waarde-filter en geen kolomvlag.',
        malformed: 'een filter is precies veld/waarde.',
      })[d.reason],
  },
  'directive.glued-name': {
    en: (d) => `"${d.written}" is read by the site as ${d.name} with the parameter "${d.token}"; put a space after ${d.name}.`,
    nl: (d) => `De site leest "${d.written}" als ${d.name} met de parameter "${d.token}"; zet een spatie na ${d.name}.`,
  },
  'directive.malformed-token': {
    en: (d) =>
      `${d.token === '' ? 'Extra whitespace makes an empty filter' : `"${d.token}" is not a filter of the form key/value`}; the site build fails when a page reaches it.`,
    nl: (d) =>
      `${d.token === '' ? 'Extra witruimte maakt een leeg filter' : `"${d.token}" is geen filter van de vorm veld/waarde`}; de site-build faalt zodra een pagina dit bereikt.`,
  },
  'directive.not-expanded': {
    en: (d) =>
      ({
        'in-code': `This ${d.written} is inside code, so the site shows it as text, not as a table.`,
        unclosed: `This comment is never closed with -->: the site shows no table, and the browser hides the rest of the page.`,
        'multi-line': `The site expands ${d.written} only when the whole comment is on one line.`,
        'unknown-name': `The site does not know ${d.written} in this content model.${didYouMean(d.suggestions, 'en')}`,
        'no-params': `In this content model the site expands ${d.written} only with a filter after one space, e.g. <!-- ${d.written} levenscyclus/ontwerp -->.`,
        spacing: `The site expands only <!-- ${d.written} ... --> with one space after <!-- and a space before -->; this comment stays invisible.`,
      })[d.reason],
    nl: (d) =>
      ({
        'in-code': `Deze ${d.written} staat in code, dus de site toont hem als tekst, niet als tabel.`,
        unclosed: `Dit commentaar wordt nooit afgesloten met -->: de site toont geen tabel en de browser verbergt de rest van de pagina.`,
        'multi-line': `De site werkt ${d.written} alleen uit als het hele commentaar op één regel staat.`,
        'unknown-name': `De site kent ${d.written} niet in dit contentmodel.${didYouMean(d.suggestions, 'nl')}`,
        'no-params': `In dit contentmodel werkt de site ${d.written} alleen uit met een filter na één spatie, bijvoorbeeld <!-- ${d.written} levenscyclus/ontwerp -->.`,
        spacing: `De site werkt alleen <!-- ${d.written} ... --> uit, met één spatie na <!-- en een spatie voor -->; dit commentaar blijft onzichtbaar.`,
      })[d.reason],
  },
  'directive.string-match': {
    en: (d) => `"${d.key}/${d.value}" matches ${d.pages.join(', ')} only because "${d.key}" there is text instead of a list: the site then matches any part of the text.`,
    nl: (d) => `"${d.key}/${d.value}" past op ${d.pages.join(', ')} alleen omdat "${d.key}" daar tekst is in plaats van een lijst: de site zoekt dan in stukjes tekst.`,
  },
  'directive.raises': {
    en: (d) =>
      (d.cause === 'malformed' ? 'A malformed filter is reached' : `"${d.key}" in ${d.page} is empty or not a list`) +
      (d.effect === 'breaks-build'
        ? '; the site build fails here.'
        : `; the site then shows neither this list nor ${d.dropped === 0 ? 'any later one' : `the ${d.dropped} later one${d.dropped === 1 ? '' : 's'}`} on this page.`),
    nl: (d) =>
      (d.cause === 'malformed' ? 'Er wordt een ongeldig filter bereikt' : `"${d.key}" in ${d.page} is leeg of geen lijst`) +
      (d.effect === 'breaks-build'
        ? '; de site-build faalt hier.'
        : `; de site toont dan deze lijst niet, en ook ${d.dropped === 0 ? 'geen latere' : `de ${d.dropped} latere niet`} op deze pagina.`),
  },
  'directive.dropped': {
    en: (d) => `The site does not show this list: the list on line ${d.line + 1} (${d.by}) fails first.`,
    nl: (d) => `De site toont deze lijst niet: de lijst op regel ${d.line + 1} (${d.by}) faalt eerst.`,
  },
  'body.missing-section': {
    en: (d) => `This ${d.pageType} page has no "${d.section}" section, which the template gives every ${d.pageType} page${d.before ? `, before "${d.before}"` : ', at the end'}.`,
    nl: (d) => `Deze pagina (${d.pageType}) heeft geen sectie "${d.section}", die het sjabloon elke pagina van dit type geeft${d.before ? `, vóór "${d.before}"` : ', aan het eind'}.`,
  },
  'body.section-order': {
    en: (d) => `"${d.section}" comes after "${d.after}" here; the template and the other ${d.pageType} pages put it before.`,
    nl: (d) => `"${d.section}" staat hier na "${d.after}"; het sjabloon en de andere pagina's van type ${d.pageType} zetten het ervoor.`,
  },
  'body.missing-marker': {
    en: (d) =>
      `The page lacks ${d.marker}${d.section ? ` in "${d.section}"` : ''}: the site puts ${d.shows} in its place, so the reader sees none` +
      (d.section ? ` and the section stays empty.` : '.'),
    nl: (d) =>
      `De pagina mist ${d.marker}${d.section ? ` in "${d.section}"` : ''}: de site zet daar ${d.shows} neer, dus de lezer ziet die niet` +
      (d.section ? ` en de sectie blijft leeg.` : '.'),
  },
  'body.missing-own-list': {
    en: (d) =>
      d.filterKey
        ? `The page has no ${d.name} of its own (${d.insert}), so the ${d.target} pages that name it are not listed on it.`
        : `The page names ${d.count} ${d.target} page${d.count === 1 ? '' : 's'} under "${d.whenKey}" but has no <!-- ${d.name} -->, so the site does not list them on it.`,
    nl: (d) =>
      d.filterKey
        ? `De pagina heeft geen eigen ${d.name} (${d.insert}), dus de pagina's van type ${d.target} die haar noemen staan er niet op.`
        : `De pagina noemt ${d.count} pagina${d.count === 1 ? '' : "'s"} van type ${d.target} onder "${d.whenKey}", maar heeft geen <!-- ${d.name} -->, dus de site toont ze er niet.`,
  },
  'expression.syntax': {
    en: (d) =>
      `The site cannot read this exception: ${
        d.problem === 'unexpected'
          ? `${quoted(d.token)} is no part of a label expression (labels, quotes, parentheses, !, && and ||)`
          : d.problem === 'missing-operator'
            ? `${quoted(d.token)} follows without && or || before it`
            : d.problem === 'missing-operand'
              ? `a label or "(" is missing ${d.token ? `before ${quoted(d.token)}` : 'at the end'}`
              : 'this "(" is not closed'
      }. The site evaluates it as JavaScript and, on an error, never applies the exception.`,
    nl: (d) =>
      `De site kan deze uitzondering niet lezen: ${
        d.problem === 'unexpected'
          ? `${quoted(d.token)} hoort niet in een labeluitdrukking (labels, aanhalingstekens, haakjes, !, && en ||)`
          : d.problem === 'missing-operator'
            ? `${quoted(d.token)} volgt zonder && of || ervoor`
            : d.problem === 'missing-operand'
              ? `er ontbreekt een label of "(" ${d.token ? `voor ${quoted(d.token)}` : 'aan het eind'}`
              : 'dit "(" wordt niet gesloten'
      }. De site rekent haar uit als JavaScript en past de uitzondering bij een fout nooit toe.`,
  },
  'expression.unknown-label': {
    en: (d) =>
      d.caseOnly
        ? `"${d.label}" differs from the label "${d.suggestions[0]}" only in upper/lower case; the site compares exactly, so this part of the exception never holds.`
        : `"${d.label}" is not a label the site's filter sets (a label is <group>-<value>, like risicogroep-hoog-risico-ai-systeem), so this part of the exception never holds.${didYouMean(d.suggestions, 'en')}`,
    nl: (d) =>
      d.caseOnly
        ? `"${d.label}" verschilt alleen in hoofd- en kleine letters van het label "${d.suggestions[0]}"; de site vergelijkt precies, dus dit deel van de uitzondering geldt nooit.`
        : `"${d.label}" is geen label dat het filter van de site zet (een label is <groep>-<waarde>, zoals risicogroep-hoog-risico-ai-systeem), dus dit deel van de uitzondering geldt nooit.${didYouMean(d.suggestions, 'nl')}`,
  },
  'expression.single-operator': {
    en: (d) => `A single "${d.operator}" is JavaScript's bitwise operator; here it works like "${d.operator}${d.operator}" only by accident. Write "${d.operator}${d.operator}".`,
    nl: (d) => `Een enkele "${d.operator}" is de bitsgewijze operator van JavaScript; hier werkt hij alleen toevallig als "${d.operator}${d.operator}". Schrijf "${d.operator}${d.operator}".`,
  },
  'glossary.duplicate-term': {
    en: (d) =>
      `The term "${d.term}" is defined again on line ${d.line + 1}` +
      (d.same ? ', with the same definition; this line is redundant.' : ', differently; the site\'s tooltip shows that later definition, so this one has no effect.'),
    nl: (d) =>
      `Het begrip "${d.term}" wordt op regel ${d.line + 1} nog eens gedefinieerd` +
      (d.same ? ', met dezelfde definitie; deze regel is overbodig.' : ', anders; de tooltip van de site toont die latere definitie, dus deze heeft geen effect.'),
  },
  'glossary.empty-definition': {
    en: (d) => (d.term ? `The term "${d.term}" has no definition, so the site shows no tooltip for it.` : 'This glossary line has no term, so the site ignores it.'),
    nl: (d) => (d.term ? `Het begrip "${d.term}" heeft geen definitie, dus de site toont er geen tooltip bij.` : 'Deze regel van de begrippenlijst heeft geen begrip, dus de site negeert hem.'),
  },
  'reference.unknown-target': {
    en: (d) =>
      d.caseOnly
        ? `"${d.value}" differs from the ${d.targetType} page "${d.suggestions[0]}" only in upper/lower case; the site matches names exactly, so the link is missing.`
        : `There is no ${d.targetType} page "${d.value}".${didYouMean(d.suggestions, 'en')}`,
    nl: (d) =>
      d.caseOnly
        ? `"${d.value}" verschilt van de ${d.targetType}-pagina "${d.suggestions[0]}" alleen in hoofd-/kleine letters; de site vergelijkt namen exact, dus de verwijzing ontbreekt.`
        : `Er is geen ${d.targetType}-pagina "${d.value}".${didYouMean(d.suggestions, 'nl')}`,
  },
  'file.whitespace-in-name': {
    en: (d) => `The file name "${d.name}" contains whitespace; the site's links and name lookups mangle it. Use hyphens.`,
    nl: (d) => `De bestandsnaam "${d.name}" bevat witruimte; de links en naamverwijzingen van de site gaan daarmee mis. Gebruik koppeltekens.`,
  },
  'file.double-extension': {
    en: (d) => `The file name "${d.name}" ends in .md.md; references by name then miss it.`,
    nl: (d) => `De bestandsnaam "${d.name}" eindigt op .md.md; verwijzingen op naam missen hem dan.`,
  },
  'file.case-conflict': {
    en: (d) => `"${d.name}" differs from ${d.others.join(', ')} only in upper/lower case; on Windows and macOS one overwrites the other.`,
    nl: (d) => `"${d.name}" verschilt van ${d.others.join(', ')} alleen in hoofd-/kleine letters; op Windows en macOS overschrijft de een de ander.`,
  },
  'workspace.unknown-layout': {
    en: (d) =>
      `This folder matches no known content layout (${d.profiles.join(', ')}): expected docs/voldoen-aan-wetten-en-regels/, or docs/vereisten/ or docs/maatregelen/.` +
      (d.looksLikeDocs ? ' It looks like the docs/ folder itself: check the folder that holds it.' : ' The content root is the folder that holds docs/.') +
      ' To choose a content model, use --profile, the setting algoritmekader.profile or .algoritmekader.json.',
    nl: (d) =>
      `Deze map past bij geen bekende indeling (${d.profiles.join(', ')}): verwacht docs/voldoen-aan-wetten-en-regels/, of docs/vereisten/ of docs/maatregelen/.` +
      (d.looksLikeDocs ? ' Dit lijkt de map docs/ zelf: controleer de map waar die in staat.' : ' De hoofdmap is de map waar docs/ in staat.') +
      ' Kies een contentmodel met --profile, de instelling algoritmekader.profile of .algoritmekader.json.',
  },
  'workspace.empty-vocabulary': {
    en: (d) =>
      `${d.folder} gives no ${d.vocabulary} values: the site takes them from its ${d.from === 'folders' ? 'sub-folders' : 'pages (not index.md)'}, and it has none. Until it has, every ${d.vocabulary} value passes unchecked.`,
    nl: (d) =>
      `${d.folder} levert geen waarden voor ${d.vocabulary}: de site haalt ze uit de ${d.from === 'folders' ? 'submappen' : "pagina's (niet index.md)"}, en die zijn er niet. Tot die er zijn, gaat elke waarde van ${d.vocabulary} ongecontroleerd door.`,
  },
  'workspace.config': {
    en: (d) => `${d.file}: ${d.detail}`,
    nl: (d) => `${d.file}: ${d.detail}`,
  },
  'workspace.untrusted': {
    en: (d) =>
      `Restricted Mode: ${d.key === 'schemas' ? 'the schema files named here are' : 'the profile file named here is'} not used until you trust this folder; the built-in ${d.key === 'schemas' ? 'schemas check' : 'content models check'} the pages meanwhile.`,
    nl: (d) =>
      `Beperkte modus: ${d.key === 'schemas' ? "de schemabestanden die hier staan, worden" : 'het profielbestand dat hier staat, wordt'} pas gebruikt als u deze map vertrouwt; tot dan controleren de ingebouwde ${d.key === 'schemas' ? "schema's" : 'contentmodellen'} de pagina's.`,
  },
};

export function message<C extends DiagnosticCode>(code: C, data: DiagnosticDataByCode[C], lang: Language, detail = ''): string {
  return MESSAGES[code][lang](data).replace('{detail}', () => detail); // a function: no $-patterns expanded from the detail
}

/** Strings of hovers (features/hover.ts). */
export const HOVER = {
  required: { en: 'Required.', nl: 'Verplicht.' },
  values: { en: (n: number, where: string) => `${n} values, from ${where}.`, nl: (n: number, where: string) => `${n} waarden, uit ${where}.` },
  builtin: { en: 'the built-in list', nl: 'de ingebouwde lijst' },
  lists: {
    en: (n: number) => (n === 1 ? 'The site lists 1 page:' : `The site lists ${n} pages:`),
    nl: (n: number) => (n === 1 ? 'De site toont 1 pagina:' : `De site toont ${n} pagina's:`),
  },
  none: { en: 'The site lists no page here: an empty table.', nl: 'De site toont hier geen enkele pagina: een lege tabel.' },
  notExpanded: { en: 'The site does not expand this directive: it stays a comment.', nl: 'De site zet deze opdracht niet om: het blijft commentaar.' },
  more: { en: (n: number) => `… and ${n} more`, nl: (n: number) => `… en nog ${n}` },
};

/** Strings of the preview card (features/card.ts) and of what draws it (the preview, `ak render`). */
export const CARD = {
  lists: {
    en: (n: number) => (n === 1 ? 'The site lists 1 page here.' : `The site lists ${n} pages here.`),
    nl: (n: number) => (n === 1 ? 'De site toont hier 1 pagina.' : `De site toont hier ${n} pagina's.`),
  },
  empty: { en: 'The site lists no page here: the table is empty.', nl: 'De site toont hier geen enkele pagina: de tabel is leeg.' },
  notExpanded: HOVER.notExpanded,
  raises: {
    en: (path: string) => `The site's build fails here, on ${path}.`,
    nl: (path: string) => `De bouw van de site mislukt hier, op ${path}.`,
  },
  dropped: {
    en: (line: number) => `Not shown: the list on line ${line} failed and took this one with it.`,
    nl: (line: number) => `Niet getoond: de lijst op regel ${line} mislukte en nam deze mee.`,
  },
  labels: { en: 'Labels', nl: 'Labels' },
  references: { en: 'Refers to', nl: 'Verwijst naar' },
  tables: { en: 'Lists on this page', nl: 'Lijsten op deze pagina' },
  namedBy: { en: 'Named by', nl: 'Genoemd door' },
  listedOn: { en: 'Listed on', nl: 'Getoond op' },
  missing: { en: 'no such page', nl: 'bestaat niet' },
  unknownValue: { en: 'unknown value', nl: 'onbekende waarde' },
  line: { en: (n: number) => `line ${n}`, nl: (n: number) => `regel ${n}` },
  noType: {
    en: (types: string[]) => `not a page of type ${types.join(', ')}`,
    nl: (types: string[]) => `geen pagina van type ${types.join(', ')}`,
  },
  severity: { en: { error: 'error', warning: 'warning', hint: 'hint' }, nl: { error: 'fout', warning: 'waarschuwing', hint: 'hint' } },
  problems: {
    en: (e: number, w: number, h: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${h} hint${h === 1 ? '' : 's'}`,
    nl: (e: number, w: number, h: number) => `${e} fout${e === 1 ? '' : 'en'}, ${w} waarschuwing${w === 1 ? '' : 'en'}, ${h} ${h === 1 ? 'hint' : 'hints'}`,
  },
  title: { en: (t: string) => `Preview: ${t}`, nl: (t: string) => `Voorbeeld: ${t}` },
  noPage: { en: 'Open a Markdown page of the Algoritmekader to see its preview.', nl: 'Open een Markdown-pagina van het Algoritmekader om het voorbeeld te zien.' },
};

/** The preview's own words around the rendered page (client/src/preview.ts). */
export const PREVIEW = {
  inspector: { en: 'Inspector', nl: 'Inspecteur' },
  cannotOpen: { en: (path: string) => `Cannot open ${path}: no such file.`, nl: (path: string) => `Kan ${path} niet openen: dat bestand bestaat niet.` },
};

/** The card's plain strings in one language, for a client that draws the card (the editor's preview); `pageTypes` as on the card. */
export function cardStrings(language: Language, pageTypes: string[]) {
  return {
    labels: CARD.labels[language],
    references: CARD.references[language],
    tables: CARD.tables[language],
    namedBy: CARD.namedBy[language],
    listedOn: CARD.listedOn[language],
    missing: CARD.missing[language],
    unknownValue: CARD.unknownValue[language],
    noType: CARD.noType[language](pageTypes),
    line: CARD.line[language](0).replace(/\s*0$/, ''),
    noPage: CARD.noPage[language],
  };
}
export type CardStrings = ReturnType<typeof cardStrings>;

/** Strings of completion items (features/completion.ts). */
export const COMPLETION = {
  page: { en: 'Page', nl: 'Pagina' },
  required: { en: 'required', nl: 'verplicht' },
  filter: { en: 'filter: only pages with this value', nl: 'filter: alleen pagina\'s met deze waarde' },
  list: { en: (target: string) => `table of ${target} pages`, nl: (target: string) => `tabel van pagina's van type ${target}` },
  ownList: { en: (target: string) => `this page's own ${target} list`, nl: (target: string) => `de eigen ${target}-lijst van deze pagina` },
  flag: {
    en: (prefix: string, column: string) => (prefix.startsWith('no') ? `hide the ${column} column` : `show the ${column} column`),
    nl: (prefix: string, column: string) => (prefix.startsWith('no') ? `verberg de kolom ${column}` : `toon de kolom ${column}`),
  },
};

/** Strings of renames (features/navigation.ts). */
export const RENAME = {
  noFile: {
    en: 'Only a name defined by one page of its own can be renamed (not a folder, nor a name two pages share, nor a missing page).',
    nl: 'Alleen een naam die door één eigen pagina wordt bepaald kan worden hernoemd (geen map, geen naam van twee pagina\'s, geen ontbrekende pagina).',
  },
  invalid: {
    en: (name: string) => `"${name}" cannot be a file name: no spaces or slashes.`,
    nl: (name: string) => `"${name}" kan geen bestandsnaam zijn: geen spaties of schuine strepen.`,
  },
  exists: {
    en: (path: string) => `${path} already exists.`,
    nl: (path: string) => `${path} bestaat al.`,
  },
};

/** Titles of the quick fixes (features/codeActions.ts), by kind. */
export const ACTION_TITLES = {
  fixAll: {
    en: (a: { count: number }) => `Fix ${a.count} problem${a.count === 1 ? '' : 's'} that leave${a.count === 1 ? 's' : ''} no doubt (Algoritmekader)`,
    nl: (a: { count: number }) => `${a.count} eenduidig${a.count === 1 ? '' : 'e'} ${a.count === 1 ? 'probleem' : 'problemen'} oplossen (Algoritmekader)`,
  },
  changeTo: { en: (a: { value: string }) => `Change to ${q(a.value)}`, nl: (a: { value: string }) => `Wijzig in ${q(a.value)}` },
  changeToOwn: {
    en: (a: { value: string }) => `Change to this page's own ${q(a.value)}`,
    nl: (a: { value: string }) => `Wijzig in ${q(a.value)}, deze pagina zelf`,
  },
  renameKey: { en: (a: { value: string }) => `Rename the key to ${q(a.value)}`, nl: (a: { value: string }) => `Hernoem het veld naar ${q(a.value)}` },
  removeRepeated: { en: (a: { value: string }) => `Remove the repeated ${q(a.value)}`, nl: (a: { value: string }) => `Verwijder de herhaalde ${q(a.value)}` },
  removeEmptyItem: { en: (_: Record<string, never>) => 'Remove the empty item', nl: (_: Record<string, never>) => 'Verwijder het lege item' },
  makeList: { en: (a: { key: string }) => `Make ${q(a.key)} a list`, nl: (a: { key: string }) => `Maak van ${q(a.key)} een lijst` },
  removePeriod: { en: (_: Record<string, never>) => 'Remove the final period', nl: (_: Record<string, never>) => 'Verwijder de punt aan het eind' },
  addLineBreak: { en: (_: Record<string, never>) => 'Add a line break after the closing ---', nl: (_: Record<string, never>) => 'Zet een regeleinde na de afsluitende ---' },
  writeAs: { en: (a: { text: string }) => `Write it as ${a.text}`, nl: (a: { text: string }) => `Schrijf het als ${a.text}` },
  closeComment: { en: (_: Record<string, never>) => 'Close the comment with -->', nl: (_: Record<string, never>) => 'Sluit het commentaar af met -->' },
  removeToken: { en: (a: { token: string }) => `Remove ${q(a.token)}`, nl: (a: { token: string }) => `Verwijder ${q(a.token)}` },
  insertSection: { en: (a: { heading: string }) => `Insert the section ${q(a.heading)} from the template`, nl: (a: { heading: string }) => `Voeg de sectie ${q(a.heading)} uit het sjabloon in` },
  insertComment: { en: (a: { text: string }) => `Insert ${a.text}`, nl: (a: { text: string }) => `Voeg ${a.text} in` },
} as const;

export type ActionTitle<T extends keyof typeof ACTION_TITLES> = (typeof ACTION_TITLES)[T]['en'];

/** Strings of the command line and the editor that are not diagnostics. */
export const UI = {
  summary: {
    en: (files: number, errors: number, warnings: number, infos: number) =>
      `${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} hint${infos === 1 ? '' : 's'}.`,
    nl: (files: number, errors: number, warnings: number, infos: number) =>
      `${files} bestand${files === 1 ? '' : 'en'} gecontroleerd: ${errors} fout${errors === 1 ? '' : 'en'}, ${warnings} waarschuwing${warnings === 1 ? '' : 'en'}, ${infos} hint${infos === 1 ? '' : 's'}.`,
  },
  fixed: {
    en: (fixes: number, files: number) => `Fixed ${fixes} problem${fixes === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`,
    nl: (fixes: number, files: number) => `${fixes} ${fixes === 1 ? 'probleem' : 'problemen'} opgelost in ${files} bestand${files === 1 ? '' : 'en'}.`,
  },
  /** The status bar while the server indexes the tree in the background. */
  indexing: { en: 'Algoritmekader: indexing pages', nl: 'Algoritmekader: pagina\'s indexeren' },
} as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What `ak` prints besides the findings (server/src/cli.ts): usage errors, unreadable input, `ak graph`'s text. */
export const CLI = {
  needsValue: { en: (flag: string) => `${flag} needs a value`, nl: (flag: string) => `${flag} heeft een waarde nodig` },
  unknownValue: {
    en: (what: 'format' | 'profile' | 'language', value: string, allowed: readonly string[]) => `unknown ${what} "${value}" (${allowed.join(', ')})`,
    nl: (what: 'format' | 'profile' | 'language', value: string, allowed: readonly string[]) =>
      `${{ format: 'onbekend formaat', profile: 'onbekend profiel', language: 'onbekende taal' }[what]} "${value}" (${allowed.join(', ')})`,
  },
  unknownOption: { en: (flag: string) => `unknown option "${flag}"`, nl: (flag: string) => `onbekende optie "${flag}"` },
  unknownCommand: { en: (command: string) => `unknown command "${command}"`, nl: (command: string) => `onbekende opdracht "${command}"` },
  unexpectedArgument: { en: (arg: string) => `unexpected argument "${arg}"`, nl: (arg: string) => `onverwacht argument "${arg}"` },
  renderNeedsPage: { en: 'render needs a PAGE', nl: 'render heeft een PAGINA nodig' },
  rootIsForRender: { en: '--root is for render; give ROOT after the command', nl: '--root hoort bij render; geef MAP na de opdracht' },
  textOrJson: { en: (command: string) => `${command} --format is text or json`, nl: (command: string) => `${command} --format is text of json` },
  renderFormats: { en: 'render --format is text, json or html', nl: 'render --format is text, json of html' },
  noMarkdown: { en: (command: string) => `--format markdown is for report, not ${command}`, nl: (command: string) => `--format markdown hoort bij report, niet bij ${command}` },
  reportFormats: { en: 'report --format is text, json or markdown', nl: 'report --format is text, json of markdown' },
  htmlIsForRender: { en: '--format html is for render', nl: '--format html hoort bij render' },
  outputIsForHtml: { en: '-o is for render --format html', nl: '-o hoort bij render --format html' },
  severalNeedOutput: {
    en: 'several pages as HTML need -o FOLDER (one file per page)',
    nl: 'meerdere pagina\'s als HTML hebben -o MAP nodig (één bestand per pagina)',
  },
  cannotWrite: { en: (path: string, why: string) => `cannot write ${path} (${why})`, nl: (path: string, why: string) => `kan ${path} niet schrijven (${why})` },
  cannotReadRoot: { en: (root: string, why: string) => `cannot read ROOT: ${root} (${why})`, nl: (root: string, why: string) => `kan de map niet lezen: ${root} (${why})` },
  cannotReadPage: { en: (page: string, why: string) => `cannot read PAGE: ${page} (${why})`, nl: (page: string, why: string) => `kan de pagina niet lezen: ${page} (${why})` },
  doesNotExist: { en: 'does not exist', nl: 'bestaat niet' },
  notAFolder: { en: 'not a folder', nl: 'geen map' },
  noPermission: { en: 'no permission', nl: 'geen toegang' },
  outside: { en: (root: string) => `is outside ${root}`, nl: (root: string) => `ligt buiten ${root}` },
  notAPage: { en: 'is not a Markdown page', nl: 'is geen Markdown-pagina' },
  isAFolder: {
    en: 'is a folder, not a page; give the pages in it, or check the whole tree with ak check',
    nl: "is een map, geen pagina; geef de pagina's erin, of controleer de hele inhoud met ak check",
  },
  noRootAbove: {
    en: (file: string) => `no folder with docs/ above ${file}; give --root`,
    nl: (file: string) => `geen map met docs/ boven ${file}; geef --root`,
  },
  notFixed: {
    en: (path: string, why: string) => `${path}: not fixed: ${why}`,
    nl: (path: string, why: string) => `${path}: niet gecorrigeerd: ${why}`,
  },
  fixRefused: {
    overlap: { en: 'its fixes overlap', nl: 'de correcties overlappen' },
    frontmatter: { en: 'the fixed frontmatter would not read as the site reads it', nl: 'de gecorrigeerde frontmatter zou niet te lezen zijn zoals de site hem leest' },
    body: { en: 'the fixes would change page text outside the frontmatter and the directive comments', nl: 'de correcties zouden paginatekst buiten de frontmatter en de lijstopdrachten wijzigen' },
    changed: { en: 'the file changed while it was being checked', nl: 'het bestand veranderde tijdens de controle' },
  },
  notUtf8: { en: 'the file is not valid UTF-8, so it is not rewritten', nl: 'het bestand is geen geldige UTF-8 en wordt dus niet herschreven' },
  outsideRoot: { en: (root: string) => `it leads outside ${root}`, nl: (root: string) => `het leidt naar buiten ${root}` },
  notARegularFile: { en: 'it is not a regular file', nl: 'het is geen gewoon bestand' },
  cannotWriteFix: { en: (why: string) => `cannot write it (${why})`, nl: (why: string) => `kan het niet schrijven (${why})` },
  graphSummary: {
    en: (profile: string, pages: number, directives: number, references: number) =>
      `profile: ${profile}; ${plural(pages, 'page', 'pages')}, ${plural(directives, 'directive', 'directives')}, ${plural(references, 'reference', 'references')}`,
    nl: (profile: string, pages: number, directives: number, references: number) =>
      `profiel: ${profile}; ${plural(pages, 'pagina', "pagina's")}, ${plural(directives, 'lijstopdracht', 'lijstopdrachten')}, ${plural(references, 'verwijzing', 'verwijzingen')}`,
  },
  graphListed: { en: (n: number) => plural(n, 'page', 'pages'), nl: (n: number) => plural(n, 'pagina', "pagina's") },
  graphNotShown: { en: 'not shown', nl: 'niet getoond' },
  graphMissing: { en: '(missing)', nl: '(bestaat niet)' },
};

/** The notes on a finding's related places (relatedInformation). */
export const RELATED = {
  sameId: { en: 'Same id', nl: 'Zelfde id' },
  sameName: { en: 'Same name', nl: 'Zelfde naam' },
  sameTerm: { en: 'The definition the site uses', nl: 'De definitie die de site gebruikt' },
};

/** The new-page command (features/newPage.ts and the extension's prompts). */
export const NEW_PAGE = {
  unknownType: { en: (type: string) => `This content model has no page type "${type}".`, nl: (type: string) => `Dit contentmodel kent geen paginatype "${type}".` },
  noTitle: { en: 'The page needs a title.', nl: 'De pagina heeft een titel nodig.' },
  badSlug: {
    en: (slug: string) => `"${slug}" cannot be a file name: use lowercase letters and digits, words joined by "-".`,
    nl: (slug: string) => `"${slug}" kan geen bestandsnaam zijn: gebruik kleine letters en cijfers, woorden verbonden met "-".`,
  },
  badCode: {
    en: (code: string) => `"${code}" cannot be an id code: use lowercase letters only (like owp or aia).`,
    nl: (code: string) => `"${code}" kan geen code voor het id zijn: gebruik alleen kleine letters (zoals owp of aia).`,
  },
  full: { en: (code: string) => `Every number under "${code}" up to 99 is taken.`, nl: (code: string) => `Elk nummer onder "${code}" tot 99 is al in gebruik.` },
  exists: { en: (path: string) => `${path} already exists.`, nl: (path: string) => `${path} bestaat al.` },
  noRoot: { en: 'Open a folder with Algoritmekader content (a folder that holds docs/) first.', nl: 'Open eerst een map met Algoritmekader-inhoud (een map met docs/ erin).' },
  pickType: { en: 'What kind of page?', nl: 'Wat voor pagina?' },
  pickCode: { en: 'Which id code? The next free number is taken.', nl: 'Welke code voor het id? Het eerstvolgende vrije nummer wordt gebruikt.' },
  otherCode: { en: 'Another code…', nl: 'Een andere code…' },
  codeInUse: { en: (n: number, next: string) => `${n} in use; next: ${next}`, nl: (n: number, next: string) => `${n} in gebruik; volgende: ${next}` },
  askCode: { en: 'The new id code (lowercase letters, like owp)', nl: 'De nieuwe code voor het id (kleine letters, zoals owp)' },
  askTitle: { en: 'The title: one sentence, no period at the end', nl: 'De titel: één zin, geen punt aan het eind' },
  askSlug: { en: 'The file name after the id (lowercase, words joined by -)', nl: 'De bestandsnaam na het id (kleine letters, woorden verbonden met -)' },
};

/** Why the profile in use was chosen (`ak check`'s summary, the editor's status bar). */
export const PROFILE = {
  line: {
    en: (name: string, why: string) => `Content model: ${name}, ${why}.`,
    nl: (name: string, why: string) => `Contentmodel: ${name}, ${why}.`,
  },
  none: { en: 'Content model: none; the folders match no known content model.', nl: 'Contentmodel: geen; de mappen passen bij geen bekend contentmodel.' },
  setting: { en: 'as set (--profile or the algoritmekader.profile setting)', nl: 'zoals ingesteld (--profile of de instelling algoritmekader.profile)' },
  config: { en: 'as set in .algoritmekader.json', nl: 'zoals ingesteld in .algoritmekader.json' },
  hook: {
    en: (file: string, rules: string, folders: string | undefined) =>
      `because the site's hook ${file} has its rules: ${rules}` + (folders ? ` (the folders alone suggest ${folders}, but the site builds with this hook)` : ''),
    nl: (file: string, rules: string, folders: string | undefined) =>
      `omdat de hook van de site, ${file}, de regels ervan heeft: ${rules}` + (folders ? ` (de mappen alleen wijzen op ${folders}, maar de site bouwt met deze hook)` : ''),
  },
  folders: {
    en: (file: string, hook: 'absent' | 'unrecognised') =>
      `from the folders` + (hook === 'absent' ? ` (there is no ${file} to read the site's rules from)` : ` (the site's hook ${file} has the rules of no known content model)`),
    nl: (file: string, hook: 'absent' | 'unrecognised') =>
      `op grond van de mappen` + (hook === 'absent' ? ` (er is geen ${file} om de regels van de site uit te lezen)` : ` (de hook van de site, ${file}, heeft de regels van geen bekend contentmodel)`),
  },
};

/** The glossary's hover (features/glossary.ts). */
export const GLOSSARY = {
  source: { en: 'Glossary', nl: 'Begrippenlijst' },
};

/** Code lens titles (features/codeLens.ts): counts above a page's title and above each list directive. */
export const CODE_LENS = {
  namedBy: { en: (counts: string[]) => `named by ${counts.join(', ')}`, nl: (counts: string[]) => `genoemd door ${counts.join(', ')}` },
  namedByNone: { en: 'named by no page', nl: 'door geen pagina genoemd' },
  listedOn: { en: (n: number) => `listed on ${n} page${n === 1 ? '' : 's'}`, nl: (n: number) => `getoond op ${n} pagina${n === 1 ? '' : "'s"}` },
  listedOnNone: { en: 'listed on no page', nl: 'op geen pagina getoond' },
  empty: { en: (why: string) => `empty: ${why}`, nl: (why: string) => `leeg: ${why}` },
  notShown: { en: 'not shown: the site leaves this comment alone', nl: 'niet getoond: de site laat dit commentaar staan' },
  raises: { en: (path: string) => `the build fails here, on ${path}`, nl: (path: string) => `de bouw mislukt hier, op ${path}` },
  dropped: { en: 'not shown: an earlier list on this page failed', nl: 'niet getoond: een eerdere lijst op deze pagina mislukte' },
  ownNone: { en: (many: string) => `the page names no ${many}`, nl: (many: string) => `de pagina noemt geen ${many}` },
  noPages: { en: (many: string) => `there are no ${many}`, nl: (many: string) => `er zijn geen ${many}` },
  nobodyNames: { en: (many: string, stem: string) => `no ${many} name ${stem}`, nl: (many: string, stem: string) => `geen ${many} noemen ${stem}` },
  nobodyHas: { en: (many: string, key: string, value: string) => `no ${many} have ${key} ${value}`, nl: (many: string, key: string, value: string) => `geen ${many} hebben ${key} ${value}` },
  noneMatch: { en: (many: string, filters: string) => `no ${many} match ${filters}`, nl: (many: string, filters: string) => `geen ${many} voldoen aan ${filters}` },
};

/** The coverage view and `ak report` (features/coverage.ts). */
export const COVERAGE = {
  title: { en: 'Algoritmekader coverage', nl: 'Dekking van het Algoritmekader' },
  heading: {
    en: (profile: string, pages: string) => `Content model ${profile}: ${pages}.`,
    nl: (profile: string, pages: string) => `Contentmodel ${profile}: ${pages}.`,
  },
  what: { en: 'What', nl: 'Wat' },
  count: { en: 'Pages', nl: "Pagina's" },
  requirementsWithoutMeasures: { en: 'Requirements without measures', nl: 'Vereisten zonder maatregelen' },
  measuresWithoutRequirements: { en: 'Measures naming no requirement', nl: 'Maatregelen die geen vereiste noemen' },
  toolsLinkedToNothing: { en: 'Tools linked to nothing', nl: 'Hulpmiddelen die nergens aan gekoppeld zijn' },
  pagesOnNoList: { en: 'Pages on no list', nl: "Pagina's op geen enkele lijst" },
  byPhase: { en: 'Per levenscyclus phase', nl: 'Per fase van de levenscyclus' },
  byTopic: { en: 'Per onderwerp', nl: 'Per onderwerp' },
  missing: {
    en: (names: string[]) => `names ${names.length === 1 ? 'no page' : 'no pages'}: ${names.join(', ')}`,
    nl: (names: string[]) => `noemt ${names.length === 1 ? 'een pagina die niet bestaat' : "pagina's die niet bestaan"}: ${names.join(', ')}`,
  },
};
