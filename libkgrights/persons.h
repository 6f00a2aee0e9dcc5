/*
 * persons.h - person names found by evidence: a role or title before the
 * name ("former President Almazbek Atambayev"), a role in apposition after
 * it ("Aibol Kozhomuratov, a reporter for Current Time"), an honorific
 * ("Mr Japarov"), or a possessive with a role or kin word ("Japarov's
 * lawyer"); and later bare mentions of the names so found.
 */
#ifndef KGR_PERSONS_H
#define KGR_PERSONS_H

#include "entity_scan.h"

/* Record the persons that the current sentence gives evidence for, with
 * their roles and affiliations (an affiliation is also recorded as an
 * organisation). */
void kgr_find_persons(kgr_ent_ctx *c);

/* Record the mentions in the current sentence of persons already known:
 * the full name, or the surname alone. */
void kgr_find_person_mentions(kgr_ent_ctx *c);

#endif /* KGR_PERSONS_H */
