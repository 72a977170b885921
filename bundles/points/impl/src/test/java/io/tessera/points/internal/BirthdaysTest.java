package io.tessera.points.internal;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class BirthdaysTest {

    @Test
    public void aDayCelebratesItsOwnBirthdaysAndInACommonYearThe28thOfFebruaryAlsoThe29th() {
        assertEquals(List.of("12-05"), Birthdays.bornOn(LocalDate.of(2026, 12, 5)));
        assertEquals(List.of("01-01"), Birthdays.bornOn(LocalDate.of(2027, 1, 1)));
        assertEquals(List.of("02-28", "02-29"), Birthdays.bornOn(LocalDate.of(2027, 2, 28)));
        assertEquals(List.of("02-28"), Birthdays.bornOn(LocalDate.of(2028, 2, 28)));
        assertEquals(List.of("02-29"), Birthdays.bornOn(LocalDate.of(2028, 2, 29)));
        assertEquals(List.of("03-01"), Birthdays.bornOn(LocalDate.of(2027, 3, 1)));
    }
}
