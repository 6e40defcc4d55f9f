package org.vetted.house.bad.domain;

import java.sql.Connection;

/** Breaks domainIsPlainJava (JDBC) and domainLooksInwardOnly (a use case), and
 * uses more of the contract than its value types. */
public class Rule {
    Connection connection;
    org.vetted.contract.Signer signer;
    org.vetted.house.bad.app.UseCase useCase;
}
