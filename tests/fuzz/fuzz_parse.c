/* libFuzzer harness: the whole parse and the JSON writer, with the
 * invariants every record must keep (spans inside the input). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <kgrights/kgrights.h>

static void check_span(kgr_span s, size_t len) {
  if (s.start > s.end || s.end > len)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  kgr_error err;
  kgr_doc *doc = kgr_parse((const char *)data, size, KGR_PARSE_DEFAULT, NULL, &err);
  if (!doc)
    abort(); /* the lenient parse accepts any input under the size limit */
  for (size_t i = 0; i < kgr_doc_signatory_count(doc); i++)
    check_span(kgr_doc_signatory(doc, i)->span, size);
  for (size_t i = 0; i < kgr_doc_event_count(doc); i++)
    check_span(kgr_doc_event(doc, i)->span, size);
  for (size_t i = 0; i < kgr_doc_figure_count(doc); i++)
    check_span(kgr_doc_figure(doc, i)->span, size);
  for (size_t i = 0; i < kgr_doc_footnote_count(doc); i++)
    check_span(kgr_doc_footnote(doc, i)->span, size);
  for (size_t i = 0; i < kgr_doc_section_count(doc); i++)
    check_span(kgr_doc_section(doc, i)->span, size);
  for (size_t i = 0; i < kgr_doc_diagnostic_count(doc); i++)
    check_span(kgr_doc_diagnostic(doc, i)->span, size);
  size_t len = 0;
  char *json = kgr_doc_to_json(doc, KGR_JSON_COMPACT, &len);
  if (!json || len == 0 || json[0] != '{' || json[len - 1] != '}')
    abort();
  kgr_free(json);
  kgr_doc_free(doc);
  return 0;
}
