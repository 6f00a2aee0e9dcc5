/* A tiny program built against the installed library, as a user would. */
#include <stdio.h>
#include <string.h>

#include <kgrights/kgrights.h>

int main(void) {
  const char *text = "A test document\n\n9 October 2020\n\nSome text.\n";
  kgr_error err;
  kgr_doc *doc = kgr_parse(text, strlen(text), KGR_PARSE_DEFAULT, NULL, &err);
  if (!doc) {
    fprintf(stderr, "parse failed: %s\n", err.message);
    return 1;
  }
  size_t len = 0;
  char *json = kgr_doc_to_json(doc, KGR_JSON_COMPACT, &len);
  int ok = json && strstr(json, "\"schema\":\"kgrights.document/1\"") != NULL &&
           kgr_version() == KGR_VERSION;
  printf("%s %s\n", kgr_version_string(), ok ? "ok" : "FAILED");
  kgr_free(json);
  kgr_doc_free(doc);
  return ok ? 0 : 1;
}
