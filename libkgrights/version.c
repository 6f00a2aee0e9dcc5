/* version.c - the version and status strings at run time. */
#include "kgrights/kgr_common.h"

uint32_t kgr_version(void) { return KGR_VERSION; }

const char *kgr_version_string(void) { return KGR_VERSION_STRING; }

const char *kgr_strerror(kgr_status s) {
  switch (s) {
  case KGR_OK: return "success";
  case KGR_EINVAL: return "invalid argument";
  case KGR_ENOMEM: return "out of memory";
  case KGR_EIO: return "input/output error";
  case KGR_EUTF8: return "invalid UTF-8";
  case KGR_ESYNTAX: return "not a text document";
  case KGR_ELIMIT: return "input over the size limit";
  }
  return "unknown status";
}

const char *kgr_status_str(kgr_status s) { return kgr_strerror(s); }
