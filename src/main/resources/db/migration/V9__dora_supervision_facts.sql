-- What decides a financial entity's DORA competent authority where its Art. 2(1) type alone does not (DORA Art. 46):
-- SSM significance, a Belgian investment firm's licence, a point (f) entity's MiCA role, a DRSP's supervisor.
-- And the identifier the entity's own supervisor gives it, printed in the letters to that supervisor.
alter table organisation add column dora_licence varchar(40);
alter table organisation add column supervisory_id varchar(40);
