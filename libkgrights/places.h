/*
 * places.h - place mentions: gazetteer cities and regions (countries are
 * left to doc->country and never recorded as places), and named squares,
 * streets and buildings ("Ala-Too Square", "White House").
 */
#ifndef KGR_PLACES_H
#define KGR_PLACES_H

#include "entity_scan.h"

/* Record the places named in the current sentence. Run after the person
 * and organisation recognizers: a word of a person's or an organisation's
 * name is never a place. */
void kgr_find_places(kgr_ent_ctx *c);

#endif /* KGR_PLACES_H */
