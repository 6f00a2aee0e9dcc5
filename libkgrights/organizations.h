/*
 * organizations.h - organisation mentions: capitalised names holding an
 * organisation word ("Ministry of Health", "Committee to Protect
 * Journalists"), media outlets named beside a media word ("the independent
 * news website Kloop"), names followed by their acronym in parentheses, and
 * later mentions of the names and acronyms so found. The issuer and the
 * signatories are not recorded (the registry drops them).
 */
#ifndef KGR_ORGANIZATIONS_H
#define KGR_ORGANIZATIONS_H

#include "entity_scan.h"

/* Record the organisations named in the current sentence. */
void kgr_find_organizations(kgr_ent_ctx *c);

/* Record the mentions in the current sentence of organisations already
 * known, by name or acronym. */
void kgr_find_org_mentions(kgr_ent_ctx *c);

/*
 * The name of an organisation or outlet starting at token i: a run of
 * capitalised words joined by "of", "for", "and"... (at most 8 tokens), or
 * one web address ("24.kg") when `domain_ok`, with an opening quote
 * skipped. Returns the end token (0: none) and sets *start.
 */
size_t kgr_org_name_at(const kgr_ent_sent *s, size_t i, bool domain_ok,
                       size_t *start);

/* The country of the organisation named by tokens [i, j) of the current
 * sentence: one its name states ("Kyrgyz Ministry of Health"), else the
 * document's for a state body, else NULL. */
const char *kgr_org_country(const kgr_ent_ctx *c, size_t i, size_t j);

#endif /* KGR_ORGANIZATIONS_H */
