-- Rule 5 of the seeded rules of conduct named one lawful basis, legitimate interest, for every member; GDPR Art. 6(1),
-- second subparagraph, excludes point (f) for public authorities performing their tasks. The corrected rule says
-- which basis applies to which participant type. Only a version nobody has accepted yet is corrected in place (a
-- fresh installation): text a member accepted is never changed behind its back; there, coordinators publish the
-- corrected rule as a revision (docs/regulatory-traceability.md, GDPR Art. 6).
update rules_of_conduct_version
set body = replace(body,
    '5. Personal data. Each member is a controller of the personal data it shares (GDPR). Sharing relies on the legitimate interest of ensuring network and information security (GDPR Art. 6(1)(f), NIS2 recital 121). Members share personal data only when needed, minimised and pseudonymised where possible, and keep it no longer than needed.',
    '5. Personal data. Each member is a controller of the personal data it shares (GDPR). Its lawful basis depends on what it is:
   - a private company, an ICT third-party service provider, a non-profit organisation, or a healthcare provider or academic institution that is not a public body relies on its legitimate interest in ensuring network and information security (GDPR Art. 6(1)(f), NIS2 recital 121);
   - a public authority or body, for which legitimate interest does not apply to processing in the performance of its tasks (GDPR Art. 6(1), second subparagraph), relies on the performance of a task carried out in the public interest or in the exercise of official authority vested in it (GDPR Art. 6(1)(e)), laid down by the law that gives it its security tasks; so does a public hospital or university.
   The arrangement records the basis of each member when its data protection is checked. Members share personal data only when needed, minimised and pseudonymised where possible, and keep it no longer than needed.')
where version_label = '1.0'
  and not exists (select 1 from rules_acceptance a where a.rules_version_id = rules_of_conduct_version.id);
