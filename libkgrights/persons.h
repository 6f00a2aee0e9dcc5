/*
 * persons.h - person names found by evidence: a role, title or occupation
 * before the name ("former President Almazbek Atambayev", "rapper X Y"), a
 * role in apposition after it ("Aibol Kozhomuratov, a reporter for Current
 * Time"), an honorific ("Mr Japarov"), a possessive with a role or kin word
 * ("Japarov's lawyer"), kin after a possessive ("his wife, X Y,"), an age
 * ("22-year-old X Y"), a noun for a person ("a woman, X Y,"), a verb of
 * saying ("..., X Y told reporters"), a signature or a "Role: X Y" field
 * on lines of their own; and later bare mentions of the names so found.
 * "Mahsa (Zhina) Amini" is recorded as Mahsa Amini, the alternative in
 * parentheses left out of the name (the span keeps the whole).
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
