package org.ronghe.proposal;

import java.time.LocalDate;
import java.util.List;

import org.ronghe.TestClock;
import org.ronghe.account.UserAccounts;
import org.springframework.stereotype.Component;

/** Test steps that bring a proposal to a state through the real services: filed, assigned, answered. */
@Component
class HandlingSteps {

    static final String COUNTY = "140581";

    private final ProposalService proposals;
    private final AssignmentService assignments;
    private final ReplyDrafting drafting;
    private final UserAccounts accounts;
    private final TestClock clock;

    HandlingSteps(ProposalService proposals, AssignmentService assignments, ReplyDrafting drafting, UserAccounts accounts,
                  TestClock clock) {
        this.clock = clock;
        this.proposals = proposals;
        this.assignments = assignments;
        this.drafting = drafting;
        this.accounts = accounts;
    }

    /** @return the department of a demo unit account, e.g. {@code demo-unit} */
    long unitOf(String username) {
        return accounts.find(username).orElseThrow().departmentId();
    }

    /** @return a new proposal by {@code proposer}, entered by the office */
    long submitted(long session, String title, String proposer) {
        return proposals.submit(COUNTY, new ProposalService.SubmitForm(session, title, "内容", "", proposer, List.of()),
                "demo-office");
    }

    /** @return a new filed (立案) proposal */
    long filed(long session, String title, String proposer) {
        long id = submitted(session, title, proposer);
        proposals.accept(COUNTY, id);
        return id;
    }

    /** @return the assignment of a new filed proposal to one unit (分办) on {@code on}, not yet signed */
    long assigned(long session, String title, String proposer, String unitUser, LocalDate on) {
        return assignments.assign(COUNTY, filed(session, title, proposer), AssignmentService.Mode.SEPARATE,
                List.of(unitOf(unitUser)), on).get(0);
    }

    /** Signs an assignment, drafts, submits and releases a reply of {@code category}; @return the reply id */
    long answer(long assignment, String unitUser, String category) {
        long unit = unitOf(unitUser);
        assignments.sign(COUNTY, assignment, unit);
        long r = drafting.draft(COUNTY, assignment, unit, new ReplyDrafting.Draft("正文", category, "局长", List.of(), null,
                List.of()));
        drafting.submit(COUNTY, r, unit);
        drafting.review(COUNTY, r, true, null, null);
        return r;
    }

    /** @return the id of a new proposal answered by {@code demo-unit} with a released reply of {@code category} */
    long replied(long session, String title, String proposer, String category) {
        long id = filed(session, title, proposer);
        long a = assignments.assign(COUNTY, id, AssignmentService.Mode.SEPARATE, List.of(unitOf("demo-unit")),
                clock.today()).get(0);
        answer(a, "demo-unit", category);
        return id;
    }
}
