/*
 * parser.h - the stages of a parse, in the order kgr_parse() runs them.
 *
 * bytes -> layout (layout.h) -> header (title, date, country, issuer) ->
 * appeal parts (signatories, addressees, demands, rights, instruments) ->
 * entities (persons, organisations, places) -> events (dates, actors,
 * victims, means, figures) -> kind.
 * Each stage reads the layout and what earlier stages put in the document,
 * and appends its records to the document.
 */
#ifndef KGR_PARSER_H
#define KGR_PARSER_H

#include "document.h"
#include "entities.h"
#include "layout.h"

/* header.c: title, publication date, subject country, issuer. */
void kgr_read_header(kgr_doc *doc, const kgr_layout *lay);

/* appeal.c: addressees and demands (also for reports: "must" sentences). */
void kgr_read_demands(kgr_doc *doc, const kgr_layout *lay);

/* signatories.c: the signatory list, wherever it stands. */
void kgr_read_signatories(kgr_doc *doc, const kgr_layout *lay);

/* rights.c: rights invoked and legal instruments cited. */
void kgr_read_rights(kgr_doc *doc, const kgr_layout *lay);

/* events.c: events and figures, using the entities found before
 * (entities.c: persons, organisations and places). */
void kgr_read_events(kgr_doc *doc, const kgr_layout *lay,
                     const kgr_entities *ents);

/* classify.c: the document kind, from what the stages found. */
void kgr_classify(kgr_doc *doc, const kgr_layout *lay);

#endif /* KGR_PARSER_H */
