// Interface strings in English and Japanese, kept in /static/strings.json, which the server also
// reads to write the first view. Names, titles and labels of records come from the data (name_ja,
// title_ja, label_ja ...); vocabularies (statuses, event types, themes, regions, kinds of entity)
// from /api/v1/vocabularies.
import STRINGS from "/static/strings.json" with { type: "json" };

export { STRINGS };
