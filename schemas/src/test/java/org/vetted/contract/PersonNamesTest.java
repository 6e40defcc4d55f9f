package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Dana Diaz              | dana diaz
            Dana Diaz, RD          | dana diaz
            dr. dana diaz          | dana diaz
            DANA  DÍAZ             | dana diaz
            Díaz, Dana             | dana diaz
            Díaz, Dana, RD         | dana diaz
            Dana Diaz MD, MPH      | dana diaz
            Dana Diaz, MD, MPH     | dana diaz
            Dr. Dana Diaz, PhD, RD | dana diaz
            Prof Dana Díaz PhD     | dana diaz
            Dana Diaz M.D.         | dana diaz
            Ms. Dana Diaz-Lopez    | dana diaz lopez
            Jürgen Groß            | jurgen gross
            Søren Łukasz           | soren lukasz
            Mary-Jane O’Neil       | mary jane o neil
            'Dr.'                  | ''
            MD                     | md
            """)
    void aNameIsComparedWithoutCaseDiacriticsPunctuationHonorificsOrCredentials(String name, String normal) {
        assertThat(PersonNames.normalized(name)).isEqualTo(normal);
    }

    @ParameterizedTest(name = "\"{0}\" is Dana Diaz")
    @CsvSource(delimiter = '|', textBlock = """
            Dana Diaz, RD
            dr. dana diaz
            DANA  DÍAZ
            'Díaz, Dana'
            'Dana Diaz MD, MPH'
            """)
    void everySpellingOfDanaIsDana(String spelling) {
        assertThat(PersonNames.samePerson(spelling, "Dana Diaz")).isTrue();
    }

    @Test
    void differentPeopleAndEmptyNamesAreNotTheSame() {
        assertThat(PersonNames.samePerson("Dana Diaz", "Dana Dias")).isFalse();
        assertThat(PersonNames.samePerson("Dana Diaz", "Diana Diaz")).isFalse();
        assertThat(PersonNames.samePerson("Dr.", "Prof.")).isFalse();
        assertThat(PersonNames.samePerson(null, "")).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" resembles \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Dana Dias        | Dana Diaz   | true
            Dana Diazz, RD   | Dana Diaz   | true
            D. Diaz          | Dana Diaz   | true
            Dan Diaz         | Dana Diaz   | true
            Rita Reyes       | Dana Diaz   | false
            Dana Diaz        | Dana Diaz   | false
            Lena Ortiz       | Dana Diaz   | false
            """)
    void resemblanceIsTheSameInitialAndSurnameOrTwoLettersApart(String a, String b, boolean resembles) {
        assertThat(PersonNames.resembles(a, b)).isEqualTo(resembles);
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(PersonNames.editDistance("dana diaz", "dana dias")).isEqualTo(1);
        assertThat(PersonNames.editDistance("dana diaz", "dan diaz")).isEqualTo(1);
        assertThat(PersonNames.editDistance("kitten", "sitting")).isEqualTo(3);
    }
}
