/*
 * kgrights.h - libkgrights: typed, source-linked records from human-rights
 * documents (joint appeals and incident reports).
 *
 * Ownership in one paragraph: kgr_parse() returns a kgr_doc that owns one
 * arena; every record, string and array reached from it is borrowed and
 * stays valid until kgr_doc_free(). Strings the library hands over to the
 * caller (kgr_doc_to_json()) are released with kgr_free(). The library keeps
 * no pointer to the caller's input.
 */
#ifndef KGRIGHTS_KGRIGHTS_H
#define KGRIGHTS_KGRIGHTS_H

#include "kgr_common.h"
#include "kgr_record.h"
#include "kgr_doc.h"
#include "kgr_write.h"
#include "kgr_formats.h"
#include "kgr_corroborate.h"

#endif /* KGRIGHTS_KGRIGHTS_H */
