/*
 * test_rights.c - rights invoked and instruments cited (rights.c): wording
 * variants, order of first mention, organisation names that hold a
 * right's words, the signatory list, and instruments with and without
 * their "UN" prefix.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "kgr_test.h"

/* The rights as "a,b,c". */
static const char *rights(const kgr_doc *d) {
  static char out[256];
  out[0] = '\0';
  for (size_t i = 0; i < d->rights.count; i++) {
    if (i)
      strcat(out, ",");
    strcat(out, kgr_right_name(d->rights.items[i]));
  }
  return out;
}

static void test_variants(void **state) {
  static const struct {
    const char *text, *want;
  } cases[] = {
      {"They were punished for free speech.", "expression"},
      {"They defended the freedom of expression online.", "expression"},
      {"The law restricts press freedom and the freedom of the press.", "media_freedom"},
      {"Everyone has the right to protest peacefully.", "assembly"},
      {"The ban violates the right to freedom of peaceful assembly.", "assembly"},
      {"The NGO law threatens freedom of association.", "association"},
      {"Citizens were denied the right to participate in public affairs.", "participation"},
      {"Detainees reported torture and ill-treatment in custody.", "torture"},
      {"The shooting violated the right to life.", "life"},
      {"They were held in arbitrary detention for weeks.", "liberty_security"},
      {"He was denied a fair trial and due process.", "fair_trial"},
      {"The surveillance law breaches the right to privacy.", "privacy"},
      {"A travel ban limits their freedom of movement.", "movement"},
      {"Detainees were denied access to medical care.", "health"},
      {"The reform threatens freedom of religion or belief.", "other"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    kgr_doc *d = kgr_test_parse(state, cases[i].text);
    if (strcmp(rights(d), cases[i].want) != 0)
      fail_msg("\"%s\": rights [%s], want [%s]", cases[i].text, rights(d), cases[i].want);
  }
  /* no right named: none invented */
  kgr_doc *d = kgr_test_parse(state, "The floods destroyed three bridges in the south.");
  assert_int_equal(d->rights.count, 0);
}

/* A right's noun alone counts only in a list after another right. */
static void test_coordinated(void **state) {
  kgr_doc *d = kgr_test_parse(state, "They were jailed for exercising their rights to freedom of "
                                     "peaceful assembly and expression.");
  assert_string_equal(rights(d), "assembly,expression");
  d = kgr_test_parse(state,
                     "The law restricts the freedoms of expression, association and peaceful "
                     "assembly.");
  assert_string_equal(rights(d), "expression,association,assembly");
  d = kgr_test_parse(state,
                     "The state must respect the rights to life, to freedom of peaceful assembly "
                     "and to freedom of expression.");
  assert_string_equal(rights(d), "life,assembly,expression");
  d = kgr_test_parse(state, "Police dispersed the peaceful protesters with water cannon.");
  assert_string_equal(rights(d), "assembly");
  /* hard negatives: the nouns alone, or after a right but not in its list */
  d = kgr_test_parse(state, "The expression on his face changed; the association met on Monday and "
                            "discussed the movement of goods and life in the city.");
  assert_int_equal(d->rights.count, 0);
  d = kgr_test_parse(state, "He was denied a fair trial. The association of lawyers protested.");
  assert_string_equal(rights(d), "fair_trial");
}

static void test_order_and_repeats(void **state) {
  kgr_doc *d =
      kgr_test_parse(state, "Police must respect the right to life, liberty and security of "
                            "person, and the right to protest peacefully. The right to life "
                            "is absolute.");
  assert_string_equal(rights(d), "life,liberty_security,assembly");
}

static void test_names_are_not_rights(void **state) {
  /* organisation names in the body, and the signatory list */
  kgr_doc *d =
      kgr_test_parse(state, "Kyrgyzstan: Reporters Beaten\n\n"
                            "According to the World Organisation Against Torture, two "
                            "reporters were beaten on 5 October. The Committee for Freedom "
                            "of Expression Defenders also wrote to the minister.\n\n"
                            "Signed by:\n\n"
                            "1. Centre for Rehabilitation of Torture Victims (Georgia)\n"
                            "2. Privacy International (United Kingdom)\n");
  assert_int_equal(d->rights.count, 0);
  /* a capitalised right that opens a sentence still counts */
  d = kgr_test_parse(state, "Kyrgyzstan: Reporters Beaten\n\nTorture is prohibited in all "
                            "circumstances, the court recalled in its ruling of 5 March.\n");
  assert_string_equal(rights(d), "torture");
}

static void test_instruments(void **state) {
  kgr_doc *d = kgr_test_parse(
      state, "Police must comply with the UN Basic Principles on the Use of Force and "
             "Firearms by Law Enforcement Officials and the Code of Conduct for Law "
             "Enforcement Officials. Kazakhstan is bound by the International "
             "Covenant on Civil and Political Rights (ICCPR) and by its OSCE "
             "commitments. The ICCPR protects the right to peaceful assembly, as "
             "the Guidelines on Freedom of Peaceful Assembly explain.");
  assert_int_equal(d->instruments.count, 5);
  static const char *const want[] = {
      "UN Basic Principles on the Use of Force and Firearms by Law Enforcement Officials",
      "Code of Conduct for Law Enforcement Officials",
      "International Covenant on Civil and Political Rights",
      "OSCE commitments",
      "Guidelines on Freedom of Peaceful Assembly",
  };
  for (size_t i = 0; i < 5; i++) {
    const kgr_mention *m = &d->instruments.items[i];
    assert_string_equal(m->text.ptr, want[i]);
    /* the span holds the name as written */
    assert_int_equal(m->span.end - m->span.start, strlen(want[i]));
    assert_memory_equal(d->input + m->span.start, want[i], strlen(want[i]));
  }
  assert_string_equal(rights(d), "assembly");
  /* no instrument: none invented */
  d = kgr_test_parse(state, "The new code of conduct for officials was adopted in May.");
  assert_int_equal(d->instruments.count, 0);
}

static void read_seed(void **state, const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", KGR_SEEDS_DIR, name);
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    printf("# seeds folder %s is absent: seed test skipped\n", KGR_SEEDS_DIR);
    skip();
  }
  static char buf[1 << 16];
  size_t len = fread(buf, 1, sizeof buf, fp);
  fclose(fp);
  kgr_test_parse_len(state, buf, len);
}

static void test_seeds(void **state) {
  fixture *f = *state;
  read_seed(state, "000_014c0850d59dea29.txt");
  assert_string_equal(rights(f->doc), "expression,media_freedom,assembly,association,"
                                      "participation,torture,life,liberty_security");
  assert_int_equal(f->doc->instruments.count, 0);
  read_seed(state, "003_f9bce688f7d74b02.txt");
  assert_string_equal(rights(f->doc), "assembly,life,liberty_security");
  assert_int_equal(f->doc->instruments.count, 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      KGR_TEST(test_variants),          KGR_TEST(test_coordinated),
      KGR_TEST(test_order_and_repeats), KGR_TEST(test_names_are_not_rights),
      KGR_TEST(test_instruments),       KGR_TEST(test_seeds),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
