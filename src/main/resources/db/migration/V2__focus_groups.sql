-- Reference data: the 12 Focus Groups of the Cyber Security Coalition, each an information-sharing arrangement
-- (NIS2 Art. 29, DORA Art. 45). Sponsors required and admitted participant types are data a coordinator can change.

insert into arrangement (code, name, description, required_sponsors, admits_direct_competitors, operational_platform) values
    ('APPSEC', 'Application Security', 'Secure software development, application testing and vulnerability handling in applications.', 0, true, 'MISP sharing group CSC-APPSEC'),
    ('AWARENESS', 'Awareness', 'Security awareness programmes, campaigns and measuring their effect.', 0, true, 'MISP sharing group CSC-AWARENESS'),
    ('CLOUD', 'Cloud Security', 'Securing cloud services and sharing cloud-specific threats and controls.', 0, true, 'MISP sharing group CSC-CLOUD'),
    ('CRYPTO', 'Cryptography', 'Cryptographic practice, key management and the transition to post-quantum cryptography.', 0, true, 'MISP sharing group CSC-CRYPTO'),
    ('CIDR', 'Cyber Incident Detection & Response (CIDR)', 'Operational exchange of threats, indicators of compromise and incident response experience between security operations teams.', 1, true, 'MISP sharing group CSC-CIDR'),
    ('HOSPITALS', 'Cybersecurity for Hospitals', 'Threats, incidents and controls specific to hospitals and care providers.', 1, false, 'MISP sharing group CSC-HOSPITALS'),
    ('ESA', 'Enterprise Security Architecture (ESA)', 'Security architecture patterns, reference models and design decisions.', 0, true, 'MISP sharing group CSC-ESA'),
    ('GRC', 'Governance, Risk & Compliance (GRC)', 'Security governance, risk management and compliance with NIS2, DORA and related standards.', 0, true, 'MISP sharing group CSC-GRC'),
    ('IAM', 'Identity & Access Management (IAM)', 'Identity governance, authentication and access control practice.', 0, true, 'MISP sharing group CSC-IAM'),
    ('OTICS', 'OT/ICS Security', 'Security of operational technology and industrial control systems.', 1, true, 'MISP sharing group CSC-OTICS'),
    ('PRIVACY', 'Privacy & Data Protection', 'Data protection practice at the crossing of security and privacy.', 0, true, 'MISP sharing group CSC-PRIVACY'),
    ('REGSTD', 'Regulations & Standardizations', 'Follow-up of cybersecurity regulation and standardisation work.', 0, true, 'MISP sharing group CSC-REGSTD');

insert into arrangement_participant_type (arrangement_id, participant_type)
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'APPSEC'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'APPSEC'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'APPSEC'
union all
    select id, 'ACADEMIC' from arrangement where code = 'APPSEC'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'APPSEC'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'APPSEC'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'AWARENESS'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'AWARENESS'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'AWARENESS'
union all
    select id, 'ACADEMIC' from arrangement where code = 'AWARENESS'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'AWARENESS'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'AWARENESS'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'CLOUD'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'CLOUD'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'CLOUD'
union all
    select id, 'ACADEMIC' from arrangement where code = 'CLOUD'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'CLOUD'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'CLOUD'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'CRYPTO'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'CRYPTO'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'CRYPTO'
union all
    select id, 'ACADEMIC' from arrangement where code = 'CRYPTO'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'CRYPTO'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'CRYPTO'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'CIDR'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'CIDR'
union all
    select id, 'ACADEMIC' from arrangement where code = 'CIDR'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'CIDR'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'CIDR'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'HOSPITALS'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'HOSPITALS'
union all
    select id, 'ACADEMIC' from arrangement where code = 'HOSPITALS'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'HOSPITALS'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'ESA'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'ESA'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'ESA'
union all
    select id, 'ACADEMIC' from arrangement where code = 'ESA'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'ESA'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'ESA'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'GRC'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'GRC'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'GRC'
union all
    select id, 'ACADEMIC' from arrangement where code = 'GRC'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'GRC'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'GRC'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'IAM'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'IAM'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'IAM'
union all
    select id, 'ACADEMIC' from arrangement where code = 'IAM'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'IAM'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'IAM'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'OTICS'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'OTICS'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'OTICS'
union all
    select id, 'ACADEMIC' from arrangement where code = 'OTICS'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'OTICS'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'OTICS'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'PRIVACY'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'PRIVACY'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'PRIVACY'
union all
    select id, 'ACADEMIC' from arrangement where code = 'PRIVACY'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'PRIVACY'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'PRIVACY'
union all
    select id, 'PRIVATE_COMPANY' from arrangement where code = 'REGSTD'
union all
    select id, 'ICT_THIRD_PARTY_PROVIDER' from arrangement where code = 'REGSTD'
union all
    select id, 'PUBLIC_BODY' from arrangement where code = 'REGSTD'
union all
    select id, 'ACADEMIC' from arrangement where code = 'REGSTD'
union all
    select id, 'HEALTHCARE_PROVIDER' from arrangement where code = 'REGSTD'
union all
    select id, 'NON_PROFIT' from arrangement where code = 'REGSTD';
-- Version 1.0 of the rules of conduct, in force for every Focus Group from the Coalition's adoption date.
insert into rules_of_conduct_version (arrangement_id, version_label, body, effective_from, published_at)
select id, '1.0', 'Rules of conduct of the Focus Group: version 1.0

These rules govern the information-sharing arrangement of this Focus Group of the Cyber Security Coalition under Article 29 of Directive (EU) 2022/2555 (NIS2) and Article 45 of Regulation (EU) 2022/2554 (DORA). By accepting them, the member organisation binds itself and every person who takes part on its behalf.

1. Purpose. Members exchange cybersecurity information (threats, near misses, vulnerabilities, techniques and procedures, indicators of compromise, alerts and configuration advice) to prevent, detect, respond to and recover from incidents, and to raise the level of cybersecurity of the community.

2. Traffic Light Protocol 2.0. Every piece of information carries a TLP label set by its source, and members respect it:
   - TLP:RED: for the named recipients only; it may not be passed on, not even within their organisation.
   - TLP:AMBER+STRICT: within the recipient''s organisation only, on a need-to-know basis.
   - TLP:AMBER: within the recipient''s organisation and its clients, on a need-to-know basis.
   - TLP:GREEN: within the community, not published.
   - TLP:CLEAR: no limit on disclosure.
   Unlabelled information is treated as TLP:AMBER. Only the source may lower a label.

3. Chatham House Rule. Meetings are held under the Chatham House Rule: participants may use the information received, but reveal neither the identity nor the affiliation of the speaker, nor that of any other participant.

4. Confidentiality. Information received is used only for the purposes in rule 1 and is protected with the care the member gives its own confidential information. The member''s participation itself is confidential unless the member makes it public.

5. Personal data. Each member is a controller of the personal data it shares (GDPR). Sharing relies on the legitimate interest of ensuring network and information security (GDPR Art. 6(1)(f), NIS2 recital 121). Members share personal data only when needed, minimised and pseudonymised where possible, and keep it no longer than needed.

6. Competition law. Members never exchange prices, business strategies, commercial terms, customer or market data. Meetings have an agenda and minutes; any discussion that strays into these topics is stopped.

7. Platform. Information is exchanged on the arrangement''s operational platform (a MISP sharing group and the Focus Group''s meetings). Access is personal to the contact persons the member has named.

8. Notification of the authorities. Each member notifies its competent authority of its participation upon entering (NIS2) or upon validation of its membership (DORA), and of its withdrawal or cessation once it takes effect. The arrangement prepares these notifications and, where mandated, sends them.

9. Exit. When its membership ends, the member destroys all information received under TLP:AMBER, TLP:AMBER+STRICT and TLP:RED, and confirms the destruction in writing.

10. Breach. A breach of these rules, such as passing on TLP:RED information, leads after the member has been heard to a warning, a suspension or an expulsion.', date '2025-01-01', timestamp with time zone '2024-12-01 09:00:00+01:00'
from arrangement;

update arrangement set current_rules_version_id =
    (select v.id from rules_of_conduct_version v where v.arrangement_id = arrangement.id and v.version_label = '1.0');
