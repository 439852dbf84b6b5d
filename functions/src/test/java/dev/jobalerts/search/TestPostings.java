package dev.jobalerts.search;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;

/** Hand-written postings for the search tests. */
final class TestPostings {
    private TestPostings() {}

    static Posting text(String title, String company, String description) {
        return new Posting("p1", "https://jobs.example/p1", title, company, "", false, null, null, null, description, "test");
    }

    static Posting where(String location, boolean remote) {
        return new Posting("p1", "", "Engineer", "Acme", location, remote, null, null, null, "", "test");
    }

    static Posting with(String company, String employmentType, String datePosted, Salary salary) {
        return new Posting("p1", "", "Engineer", company, "Charlotte, NC", false, employmentType, datePosted, salary, "", "test");
    }
}
