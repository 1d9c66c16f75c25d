--
-- PostgreSQL database dump
--

\restrict y8xY2kL10J1MdB9My1msdBATrZEBuuxzMUTAl88NCvSHs9VRPQdJpoiDKcBY0up

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_stat_statements; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA public;


--
-- Name: EXTENSION pg_stat_statements; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_stat_statements IS 'track planning and execution statistics of all SQL statements executed';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: Conversion; Type: TABLE; Schema: public; Owner: shop_app
--

CREATE TABLE public."Conversion" (
    id text NOT NULL,
    "productId" text NOT NULL,
    "amountCents" integer NOT NULL,
    "occurredAt" timestamp(6) with time zone NOT NULL
);


ALTER TABLE public."Conversion" OWNER TO shop_app;

--
-- Name: Product; Type: TABLE; Schema: public; Owner: shop_app
--

CREATE TABLE public."Product" (
    id text NOT NULL,
    "shopId" text NOT NULL,
    title text NOT NULL,
    "createdAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);


ALTER TABLE public."Product" OWNER TO shop_app;

--
-- Name: Shop; Type: TABLE; Schema: public; Owner: shop_app
--

CREATE TABLE public."Shop" (
    id text NOT NULL,
    domain text NOT NULL,
    "createdAt" timestamp(3) without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);


ALTER TABLE public."Shop" OWNER TO shop_app;

--
-- Name: _prisma_migrations; Type: TABLE; Schema: public; Owner: shop_app
--

CREATE TABLE public._prisma_migrations (
    id character varying(36) NOT NULL,
    checksum character varying(64) NOT NULL,
    finished_at timestamp with time zone,
    migration_name character varying(255) NOT NULL,
    logs text,
    rolled_back_at timestamp with time zone,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    applied_steps_count integer DEFAULT 0 NOT NULL
);


ALTER TABLE public._prisma_migrations OWNER TO shop_app;

--
-- Data for Name: Conversion; Type: TABLE DATA; Schema: public; Owner: shop_app
--

COPY public."Conversion" (id, "productId", "amountCents", "occurredAt") FROM stdin;
\.


--
-- Data for Name: Product; Type: TABLE DATA; Schema: public; Owner: shop_app
--

COPY public."Product" (id, "shopId", title, "createdAt") FROM stdin;
\.


--
-- Data for Name: Shop; Type: TABLE DATA; Schema: public; Owner: shop_app
--

COPY public."Shop" (id, domain, "createdAt") FROM stdin;
\.


--
-- Data for Name: _prisma_migrations; Type: TABLE DATA; Schema: public; Owner: shop_app
--

COPY public._prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) FROM stdin;
34891519-30cb-4a1e-b7d5-5bb60ce00bef	b2297e9276de2e8ef46bf1c6ff8ddb45a8bb3026fe274534896edbe623512158	2026-12-01 15:04:48.708297+00	20240101120000_init	\N	\N	2026-12-01 15:04:48.708297+00	1
66c0b3d5-11b6-484a-9008-bf36bade7fdd	99220d17d237becb94e866c9187b7d51161099ae2dd6312e352ccdd8c55355be	2026-12-01 15:04:48.710503+00	20240115090000_conversions	\N	\N	2026-12-01 15:04:48.710503+00	1
6a25361d-a21d-442c-a5ab-83f8ebe1e61a	f7fc02fb0cb2beb6d0930167005df631b49106de33a9c6e5727da601336ea593	2026-12-01 15:04:48.711056+00	20240201080000_index_conversion_product	\N	\N	2026-12-01 15:04:48.711056+00	1
\.


--
-- Name: Conversion Conversion_pkey; Type: CONSTRAINT; Schema: public; Owner: shop_app
--

ALTER TABLE ONLY public."Conversion"
    ADD CONSTRAINT "Conversion_pkey" PRIMARY KEY (id);


--
-- Name: Product Product_pkey; Type: CONSTRAINT; Schema: public; Owner: shop_app
--

ALTER TABLE ONLY public."Product"
    ADD CONSTRAINT "Product_pkey" PRIMARY KEY (id);


--
-- Name: Shop Shop_pkey; Type: CONSTRAINT; Schema: public; Owner: shop_app
--

ALTER TABLE ONLY public."Shop"
    ADD CONSTRAINT "Shop_pkey" PRIMARY KEY (id);


--
-- Name: _prisma_migrations _prisma_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: shop_app
--

ALTER TABLE ONLY public._prisma_migrations
    ADD CONSTRAINT _prisma_migrations_pkey PRIMARY KEY (id);


--
-- Name: Conversion_productId_idx; Type: INDEX; Schema: public; Owner: shop_app
--

CREATE INDEX "Conversion_productId_idx" ON public."Conversion" USING btree ("productId");


--
-- Name: Product_shopId_createdAt_idx; Type: INDEX; Schema: public; Owner: shop_app
--

CREATE INDEX "Product_shopId_createdAt_idx" ON public."Product" USING btree ("shopId", "createdAt");


--
-- Name: Shop_domain_key; Type: INDEX; Schema: public; Owner: shop_app
--

CREATE UNIQUE INDEX "Shop_domain_key" ON public."Shop" USING btree (domain);


--
-- Name: Conversion Conversion_productId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: shop_app
--

ALTER TABLE ONLY public."Conversion"
    ADD CONSTRAINT "Conversion_productId_fkey" FOREIGN KEY ("productId") REFERENCES public."Product"(id) ON UPDATE CASCADE ON DELETE RESTRICT;


--
-- Name: Product Product_shopId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: shop_app
--

ALTER TABLE ONLY public."Product"
    ADD CONSTRAINT "Product_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES public."Shop"(id) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: TABLE _prisma_migrations; Type: ACL; Schema: public; Owner: shop_app
--

GRANT SELECT ON TABLE public._prisma_migrations TO readiness_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict y8xY2kL10J1MdB9My1msdBATrZEBuuxzMUTAl88NCvSHs9VRPQdJpoiDKcBY0up

