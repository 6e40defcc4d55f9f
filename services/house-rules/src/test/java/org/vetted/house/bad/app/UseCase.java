package org.vetted.house.bad.app;

/** Breaks appSeesOnlyTheDomainAndItsPorts: it reaches an adapter. */
public class UseCase {
    org.vetted.house.bad.store.Store store;
}
